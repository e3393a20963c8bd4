// From the tracer's raw records to the report's layers, calls, tapes and layer graph.

import type { Interpreter } from '../interpreter';
import { NDArray } from '../numpy/ndarray';
import { PyDict, PyInstance, PyList, PyModule, PyTuple, type PyValue } from '../values';
import type { GraphEdge, GraphNode, LayerCall, LayerGraph, LayerInfo, LayerKind, SourceSpan, Tape, TapeValue } from './report';
import type { Summarizer } from './summary';
import type { RawTape, TracedCall, TracedLayer, Tracer } from './tracer';

const ELEMENTWISE = new Set(['negative', 'positive', 'add', 'subtract', 'multiply', 'divide', 'power', 'exp', 'log', 'tanh', 'sqrt', 'square', 'absolute', 'maximum', 'minimum', 'copy', 'setitem', 'less', 'less_equal', 'greater', 'greater_equal', 'where', 'reciprocal']);

/** What kind of layer a forward computes, read from its tape (the structure, not the class name). */
export function classifyLayer(tape: RawTape | undefined): LayerKind {
  if (!tape || !tape.ops.length) return 'other';
  const ops = tape.ops.map((o) => o.op);
  const has = (op: string) => ops.includes(op);
  if ((has('dot') || has('matmul')) && has('add')) return 'affine';
  if (has('exp') && has('log') && (has('sum') || has('max'))) return 'softmax-with-loss';
  if (has('tanh') && ops.every((o) => ELEMENTWISE.has(o))) return 'tanh';
  if (has('exp') && has('divide') && ops.every((o) => ELEMENTWISE.has(o))) return 'sigmoid';
  if ((has('setitem') && (has('less_equal') || has('less') || has('greater') || has('greater_equal'))) || (has('maximum') && ops.length <= 3)) return 'relu';
  const argOps = tape.ops.filter((o) => o.inputs.every((i) => tape.values[i]?.origin?.kind === 'arg'));
  if (ops.length === 1 && argOps.length === 1 && ops[0] === 'multiply') return 'multiply';
  if (ops.length === 1 && argOps.length === 1 && ops[0] === 'add') return 'add';
  if (ops.every((o) => ELEMENTWISE.has(o))) return 'elementwise';
  return 'other';
}

/** What the program calls each layer: a variable name, an attribute, or a dict key (`Affine1`). */
export function layerLabels(interp: Interpreter, main: PyModule, layers: TracedLayer[]): Map<PyInstance, string> {
  const wanted = new Set(layers.map((l) => l.instance));
  const labels = new Map<PyInstance, string>();
  const seen = new Set<object>();
  const queue: { v: PyValue; name: string; depth: number }[] = [];
  for (const [k, v] of main.dict) if (!k.startsWith('__')) queue.push({ v, name: k, depth: 0 });
  while (queue.length) {
    const { v, name, depth } = queue.shift() as { v: PyValue; name: string; depth: number };
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof PyInstance && wanted.has(v) && !labels.has(v)) labels.set(v, name);
    if (depth >= 3) continue;
    if (v instanceof PyInstance) for (const [k, x] of v.dict) queue.push({ v: x, name: k, depth: depth + 1 });
    else if (v instanceof PyDict) for (const e of v.map.values()) queue.push({ v: e.value, name: typeof e.key === 'string' ? e.key : `${name}[${interp.repr(e.key)}]`, depth: depth + 1 });
    else if (v instanceof PyList || v instanceof PyTuple) v.items.forEach((x, i) => queue.push({ v: x, name: `${name}[${i}]`, depth: depth + 1 }));
  }
  return labels;
}

function functionSpan(file: string, fn: { line: number; body: { endLine: number; endCol: number }[] }): SourceSpan {
  const last = fn.body[fn.body.length - 1];
  return { file, line: fn.line, col: 0, endLine: last?.endLine ?? fn.line, endCol: last?.endCol ?? 0 };
}

export interface Built {
  layers: LayerInfo[];
  calls: LayerCall[];
  tapes: Tape[];
  graph: LayerGraph;
}

export function buildReportParts(interp: Interpreter, main: PyModule, tracer: Tracer, kept: TracedCall[], sum: Summarizer): Built {
  const layers = [...tracer.layers.values()];
  const labels = layerLabels(interp, main, layers);
  const firstForward = new Map<TracedLayer, TracedCall>();
  for (const c of kept) if (c.method === 'forward' && !firstForward.has(c.layer)) firstForward.set(c.layer, c);

  const layerInfos: LayerInfo[] = layers.map((l) => {
    const file = l.forward.file ?? l.forward.module.file ?? '';
    return {
      id: l.id,
      className: l.cls.name,
      kind: classifyLayer(firstForward.get(l)?.tape),
      label: labels.get(l.instance) ?? l.cls.name,
      forwardSpan: functionSpan(file, l.forward.info),
      backwardSpan: functionSpan(l.backward.file ?? l.backward.module.file ?? '', l.backward.info),
    };
  });

  const tapes: Tape[] = [];
  const calls: LayerCall[] = kept.map((c) => {
    let tapeId: string | undefined;
    if (c.tape.ops.length) {
      tapeId = `T${c.id}`;
      tapes.push(buildTape(tapeId, c, tracer, sum));
    }
    return {
      id: c.id,
      layer: c.layer.id,
      method: c.method,
      seq: c.seq,
      args: c.args.map((a, i) => ({ name: a.name, value: sum.summarize(a.value), expr: c.argExprs[i] })),
      outputs: c.outputs.map((o) => sum.summarize(o)),
      cache: c.cache.map((x) => ({ name: x.name, value: sum.summarize(x.value), change: x.change })),
      site: c.site,
      error: c.error ? { type: c.error.cls.printedName, message: interp.builtins.exceptionStr(c.error), line: c.error.traceback[c.error.traceback.length - 1]?.line ?? 0 } : undefined,
      tape: tapeId,
      forward: c.forward?.id,
    };
  });

  return { layers: layerInfos, calls, tapes, graph: buildGraph(kept, sum) };
}

function buildTape(id: string, c: TracedCall, tracer: Tracer, sum: Summarizer): Tape {
  return {
    id,
    call: c.id,
    ops: c.tape.ops.map((o) => ({
      id: `${id}.${o.id}`,
      op: o.op,
      inputs: o.inputs.map((i) => `${id}.v${i}`),
      output: `${id}.v${o.output}`,
      params: o.params ? paramsForReport(o.params, sum) : undefined,
      span: o.span,
      text: tracer.textOf(o.span),
    })),
    values: c.tape.values.map((v): TapeValue => ({ id: `${id}.v${v.id}`, value: sum.summarize(v.value), origin: v.origin })),
  };
}

function paramsForReport(params: Record<string, unknown>, sum: Summarizer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v instanceof NDArray || v instanceof PyTuple || v instanceof PyList) out[k] = sum.summarize(v as PyValue).text;
    else if (typeof v === 'bigint') out[k] = Number(v);
    else out[k] = v;
  }
  return out;
}

/**
 * The layer graph of the run: one node per layer (at its latest forward that a backward undid,
 * else its latest forward), connected by value provenance: an array output becomes a later input
 * when it is the same object; a Python number when it is the same value.
 */
function buildGraph(kept: TracedCall[], sum: Summarizer): LayerGraph {
  const backwards = kept.filter((c) => c.method === 'backward');
  const rep = new Map<TracedLayer, TracedCall>();
  for (const c of kept) {
    if (c.method !== 'forward') continue;
    const undone = backwards.some((b) => b.forward === c);
    const cur = rep.get(c.layer);
    const curUndone = cur ? backwards.some((b) => b.forward === cur) : false;
    if (!cur || undone || !curUndone) rep.set(c.layer, c);
  }
  const forwards = [...rep.values()].sort((a, b) => a.seq - b.seq);
  const backwardOf = new Map<TracedCall, TracedCall>();
  for (const b of backwards) if (b.forward) backwardOf.set(b.forward, b);

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const layerNode = new Map<TracedCall, string>();
  for (const f of forwards) {
    const id = `n${f.layer.id}`;
    layerNode.set(f, id);
    nodes.push({ id, kind: 'layer', label: f.layer.cls.name, layer: f.layer.id, forwardCall: f.id, backwardCall: backwardOf.get(f)?.id });
  }
  const consumed = new Set<string>();
  const inputNodes = new Map<unknown, string>();
  const isNum = (v: PyValue) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
  for (const f of forwards) {
    f.args.forEach((arg, toPort) => {
      let from: { call: TracedCall; port: number } | null = null;
      for (const p of forwards) {
        if (p.seq >= f.seq) break;
        p.liveOutputs.forEach((o, port) => {
          if (o === arg.live && (typeof o === 'object' || isNum(o))) {
            if (typeof o === 'object' || isNum(arg.live)) from = { call: p, port };
          }
        });
      }
      const gradient = gradientInto(backwardOf.get(f), toPort);
      const found = from as { call: TracedCall; port: number } | null;
      if (found) {
        consumed.add(`${found.call.id}:${found.port}`);
        edges.push({
          id: `e${edges.length}`, from: layerNode.get(found.call) as string, fromPort: found.port, to: layerNode.get(f) as string, toPort,
          label: f.argExprs[toPort] ?? arg.name, forward: sum.summarize(arg.value), gradient: gradient ? sum.summarize(gradient) : undefined,
        });
        return;
      }
      const key = arg.live !== null && typeof arg.live === 'object' ? arg.live : `${f.argExprs[toPort] ?? arg.name}=${String(arg.live)}`;
      let nodeId = inputNodes.get(key);
      const label = f.argExprs[toPort] ?? arg.name;
      if (!nodeId) {
        nodeId = `in${inputNodes.size}`;
        inputNodes.set(key, nodeId);
        nodes.push({ id: nodeId, kind: 'input', label });
      }
      edges.push({ id: `e${edges.length}`, from: nodeId, fromPort: 0, to: layerNode.get(f) as string, toPort, label, forward: sum.summarize(arg.value), gradient: gradient ? sum.summarize(gradient) : undefined });
    });
  }
  for (const f of forwards) {
    f.outputs.forEach((o, port) => {
      if (consumed.has(`${f.id}:${port}`)) return;
      const id = `out${nodes.filter((n) => n.kind === 'output').length}`;
      const label = f.targets[port] ?? f.targets[0] ?? 'out';
      nodes.push({ id, kind: 'output', label });
      const b = backwardOf.get(f);
      const dout = b?.args[0]?.value;
      edges.push({ id: `e${edges.length}`, from: layerNode.get(f) as string, fromPort: port, to: id, toPort: 0, label, forward: sum.summarize(o), gradient: dout !== undefined ? sum.summarize(dout) : undefined });
    });
  }
  return { nodes, edges };
}

/** The gradient a backward call returned for its forward's argument `port`. */
function gradientInto(b: TracedCall | undefined, port: number): PyValue | undefined {
  if (!b || b.error || b.result === undefined) return undefined;
  if (b.result instanceof PyTuple) return b.result.items[port];
  return port === 0 ? b.result : undefined;
}
