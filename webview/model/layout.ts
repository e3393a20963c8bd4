// The layer graph laid out left to right with dagre, in the style of the book's figures: values
// on the edges (forward above, gradient below), layers as nodes, and any layer opened into the
// elementary operations of its forward tape.

import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { GraphNode, LayerKind, Tape, ValueSummary } from '../../src/engine/lens/report';
import { fmtShort, preview } from '../format';
import type { ReportIndex } from './index';
import { foldedInputs, opLabel, outputValues, tapeGradients, valueMap, type TapeGradients } from './tape';

export type VNodeKind = 'input' | 'output' | 'layer' | 'op' | 'param';

export interface VNode {
  id: string;
  kind: VNodeKind;
  /** The big text: ×, +, σ, Affine, exp, the variable name of an input. */
  label: string;
  /** The small text under it: the layer's variable name. */
  sub?: string;
  /** The report's graph node this is (inputs, outputs, layers) or lies in (ops, params). */
  graphNode: string;
  opId?: string;
  tapeId?: string;
  expandable: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface VEdge {
  id: string;
  from: string;
  to: string;
  points: { x: number; y: number }[];
  labelX: number;
  labelY: number;
  /** The variable the edge carries, when neither end names it already. */
  name?: string;
  forward?: string;
  gradient?: string;
  forwardValue?: ValueSummary;
  gradientValue?: ValueSummary | number[];
  /** The report's graph edge (edges between tape ops have none). */
  graphEdge?: string;
  /** For steps: the graph nodes whose forward produces / whose backward produces the values. */
  producer?: string;
  consumer?: string;
}

export interface VCluster {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  nodes: VNode[];
  edges: VEdge[];
  clusters: VCluster[];
  width: number;
  height: number;
  /** Per opened layer node: what flowed back through its tape. */
  gradients: Map<string, TapeGradients>;
}

export type Measure = (text: string, kind: 'label' | 'sub' | 'edge') => number;

const GLYPH: Partial<Record<LayerKind, string>> = {
  add: '+',
  multiply: '×',
  relu: 'ReLU',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  affine: 'Affine',
  'softmax-with-loss': 'Softmax-with-Loss',
};

export function layerGlyph(kind: LayerKind | undefined, className: string): string {
  return (kind && GLYPH[kind]) ?? className;
}

interface Pending {
  nodes: Omit<VNode, 'x' | 'y'>[];
  edges: (Omit<VEdge, 'points' | 'labelX' | 'labelY'> & { w: number; h: number })[];
  clusters: { id: string; label: string }[];
  parent: Map<string, string>;
}

const EDGE_LABEL_HEIGHT = 38;

function edgeLabelSize(measure: Measure, name: string | undefined, forward: string | undefined, gradient: string | undefined): { w: number; h: number } {
  const top = [name, forward].filter(Boolean).join(' ');
  const w = Math.max(measure(top, 'edge'), measure(gradient ?? '', 'edge'), 16) + 10;
  return { w, h: EDGE_LABEL_HEIGHT };
}

function gradientPreview(g: ValueSummary | number[] | undefined): string | undefined {
  if (!g) return undefined;
  if (Array.isArray(g)) return g.length === 1 ? fmtShort(g[0]) : `[${g.slice(0, 3).map(fmtShort).join(' ')}${g.length > 3 ? ' …' : ''}]`;
  return preview(g);
}

/** Lays out the report's graph with the layer nodes in `expanded` opened into their tape ops. */
export function layoutGraph(ix: ReportIndex, expanded: ReadonlySet<string>, measure: Measure): GraphLayout {
  const pending: Pending = { nodes: [], edges: [], clusters: [], parent: new Map() };
  const gradients = new Map<string, TapeGradients>();
  /** Where an external edge into (node, port) lands once the node is opened: [vnode, label-bearing?][]. */
  const entry = new Map<string, string[]>();
  /** Which vnode an external edge out of (node, port) leaves from. */
  const exit = new Map<string, string>();

  for (const n of ix.report.graph.nodes) {
    const tape = openTape(ix, n, expanded);
    if (tape) {
      gradients.set(n.id, openLayer(ix, n, tape, pending, entry, exit, measure));
      continue;
    }
    const layer = n.layer ? ix.layer.get(n.layer) : undefined;
    const label = n.kind === 'layer' ? layerGlyph(layer?.kind, n.label) : n.label;
    const sub = n.kind === 'layer' ? layer?.label : undefined;
    const w = n.kind === 'layer'
      ? Math.max(measure(label, 'label') + 28, measure(sub ?? '', 'sub') + 20, 56)
      : measure(label, 'label') + 18;
    pending.nodes.push({
      id: n.id, kind: n.kind, label, sub, graphNode: n.id,
      expandable: n.kind === 'layer' && canOpen(ix, n),
      width: w, height: n.kind === 'layer' ? 52 : 28,
    });
  }

  for (const e of ix.report.graph.edges) {
    const from = exit.get(`${e.from}:${e.fromPort}`) ?? e.from;
    const targets = entry.get(`${e.to}:${e.toPort}`) ?? [e.to];
    targets.forEach((to, i) => {
      const fromNode = ix.node.get(e.from);
      const toNode = ix.node.get(e.to);
      const named = fromNode?.kind !== 'input' && toNode?.kind !== 'output';
      const labelled = i === 0;
      const name = labelled && named ? e.label : undefined;
      const forward = labelled ? preview(e.forward) : undefined;
      const gradient = labelled ? gradientPreview(e.gradient) : undefined;
      pending.edges.push({
        id: i === 0 ? e.id : `${e.id}~${i}`, from, to, name, forward, gradient,
        forwardValue: e.forward, gradientValue: e.gradient, graphEdge: e.id,
        producer: e.from, consumer: e.to,
        ...(labelled ? edgeLabelSize(measure, name, forward, gradient) : { w: 1, h: 1 }),
      });
    });
  }
  return runDagre(pending, gradients);
}

function canOpen(ix: ReportIndex, n: GraphNode): boolean {
  const call = n.forwardCall ? ix.call.get(n.forwardCall) : undefined;
  const tape = call?.tape ? ix.tape.get(call.tape) : undefined;
  return !!tape && tape.ops.length > 0;
}

function openTape(ix: ReportIndex, n: GraphNode, expanded: ReadonlySet<string>): Tape | undefined {
  if (n.kind !== 'layer' || !expanded.has(n.id) || !canOpen(ix, n)) return undefined;
  const call = n.forwardCall ? ix.call.get(n.forwardCall) : undefined;
  return call?.tape ? ix.tape.get(call.tape) : undefined;
}

/** Adds a layer's tape ops (and the parameters they read) inside a cluster; returns the tape's gradients. */
function openLayer(
  ix: ReportIndex, n: GraphNode, tape: Tape, pending: Pending,
  entry: Map<string, string[]>, exit: Map<string, string>, measure: Measure,
): TapeGradients {
  const call = ix.call.get(n.forwardCall ?? '');
  const info = n.layer ? ix.layer.get(n.layer) : undefined;
  const values = valueMap(tape);
  const cluster = `${n.id}::cluster`;
  pending.clusters.push({ id: cluster, label: `${info?.label ?? n.label} (${info?.className ?? n.label})` });
  const producer = new Map<string, string>();
  const vid = (opId: string) => `${n.id}::${opId}`;
  for (const op of tape.ops) {
    const label = opLabel(op, values);
    const id = vid(op.id);
    producer.set(op.output, id);
    pending.nodes.push({
      id, kind: 'op', label, graphNode: n.id, opId: op.id, tapeId: tape.id, expandable: false,
      width: Math.max(measure(label, 'label') + 20, 40), height: 30,
    });
    pending.parent.set(id, cluster);
  }

  // Gradients arriving at the layer's outputs seed the tape.
  const outs = outputValues(tape, call?.outputs ?? []);
  const seeds = new Map<string, number[]>();
  for (const e of ix.outEdges.get(n.id) ?? []) {
    const value = outs[e.fromPort];
    if (!value) continue;
    const g = e.gradient?.data;
    if (g) seeds.set(value, g);
    const from = producer.get(value);
    if (from) exit.set(`${n.id}:${e.fromPort}`, from);
  }
  const grads = tapeGradients(tape, seeds);

  // Where each argument enters.
  const argNames = call?.args.map((a) => a.name) ?? [];
  const consumers = (valueId: string) => tape.ops.filter((o) => o.inputs.includes(valueId)).map((o) => vid(o.id));
  argNames.forEach((name, port) => {
    const v = tape.values.find((x) => x.origin?.kind === 'arg' && x.origin.name === name);
    if (v) entry.set(`${n.id}:${port}`, consumers(v.id));
  });

  // Edges between ops, and from parameters (self.W) and loose values into ops.
  const params = new Map<string, string>();
  for (const op of tape.ops) {
    const folded = foldedInputs(op, values);
    const og = grads.ops.get(op.id);
    op.inputs.forEach((input, k) => {
      if (folded.has(k)) return;
      let from = producer.get(input);
      const v = values.get(input);
      if (!from) {
        if (v?.origin?.kind === 'arg') return; // drawn as the external edge
        from = params.get(input);
        if (!from) {
          const label = v?.origin?.kind === 'attr' ? `self.${v.origin.name}` : (v ? preview(v.value, 2) : input);
          from = `${n.id}::${input}`;
          params.set(input, from);
          pending.nodes.push({
            id: from, kind: 'param', label, graphNode: n.id, expandable: false,
            width: measure(label, 'sub') + 16, height: 22,
          });
          pending.parent.set(from, cluster);
        }
      }
      const down = og?.inputs.find((x) => x.value === input)?.downstream;
      const forward = v ? preview(v.value) : undefined;
      const gradient = gradientPreview(down);
      pending.edges.push({
        id: `${vid(op.id)}<${k}`, from, to: vid(op.id), forward, gradient,
        forwardValue: v?.value, gradientValue: down, producer: n.id, consumer: n.id,
        ...edgeLabelSize(measure, undefined, forward, gradient),
      });
    });
  }
  return grads;
}

function runDagre(p: Pending, gradients: Map<string, TapeGradients>): GraphLayout {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true, compound: p.clusters.length > 0 });
  g.setGraph({ rankdir: 'LR', nodesep: 26, ranksep: 46, edgesep: 14, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const c of p.clusters) g.setNode(c.id, { width: 0, height: 0, paddingTop: 24 } as NodeLabel);
  for (const n of p.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const [child, parent] of p.parent) g.setParent(child, parent);
  for (const e of p.edges) g.setEdge(e.from, e.to, { width: e.w, height: e.h, labelpos: 'c', minlen: 1 }, e.id);
  dagre.layout(g);

  const nodes: VNode[] = p.nodes.map((n) => {
    const l = g.node(n.id);
    return { ...n, x: l.x ?? 0, y: l.y ?? 0 };
  });
  const clusters: VCluster[] = p.clusters.map((c) => {
    const l = g.node(c.id);
    return { id: c.id, label: c.label, x: l.x ?? 0, y: l.y ?? 0, width: l.width, height: l.height };
  });
  const edges: VEdge[] = p.edges.map(({ w: _w, h: _h, ...e }) => {
    const l = g.edge({ v: e.from, w: e.to, name: e.id });
    const points = l.points ?? [];
    const mid = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { ...e, points, labelX: l.x ?? mid.x, labelY: l.y ?? mid.y };
  });
  const gl = g.graph();
  return { nodes, edges, clusters, width: gl.width ?? 0, height: gl.height ?? 0, gradients };
}
