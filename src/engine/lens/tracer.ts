// The tracer: while the program runs, it records every call of `forward` and `backward` on a
// layer (an object whose class defines both), what went in and out, what the call cached on
// `self`, and, inside each call, a tape of the elementary operations it performed.
//
// Values are snapshotted (arrays copied) when recorded, because learners' code mutates arrays in
// place: the numerical gradient writes `x[idx]`, ReLU's backward writes into `dout`, SGD updates W.
// Not every call is kept: a gradient check calls forward tens of thousands of times, so the
// tracer keeps the first calls of each layer, every backward call with the forward it undoes,
// and the latest forward, and counts the rest.

import type { Expr, Span } from '../ast';
import type { Interpreter, TraceHooks } from '../interpreter';
import { NDArray } from '../numpy/ndarray';
import { NPScalar } from '../numpy/module';
import { PyClass, PyDict, PyException, PyFunction, PyInstance, PyList, PyTuple, type PyValue, type Scope } from '../values';
import type { SourceSpan } from './report';

/** Arrays larger than this are referenced, not copied, when snapshotted. */
const SNAPSHOT_LIMIT = 4_000_000;
/** Calls kept in full per layer and method, besides backward pairs and the latest forward. */
const KEEP_FIRST = 3;
/** Backward calls kept per layer. */
const KEEP_BACKWARD = 20;

export interface RawValue {
  id: number;
  /** The value as it was when the tape saw it. */
  value: PyValue;
  origin?: { kind: 'arg'; name: string } | { kind: 'attr'; name: string } | { kind: 'const' };
}

export interface RawOp {
  id: number;
  op: string;
  inputs: number[];
  output: number;
  params?: Record<string, unknown>;
  span: SourceSpan;
}

export interface RawTape {
  ops: RawOp[];
  values: RawValue[];
  /** The tape value of each member of the call's return value (TracedCall.outputs), once the call ended. */
  outputs?: number[];
}

export interface TracedLayer {
  id: string;
  instance: PyInstance;
  cls: PyClass;
  forward: PyFunction;
  backward: PyFunction;
  calls: { forward: number; backward: number };
  lastForward: TracedCall | null;
}

export interface TracedCall {
  id: string;
  seq: number;
  method: 'forward' | 'backward';
  layer: TracedLayer;
  fn: PyFunction;
  /** Parameter names and argument values (snapshots), `self` excluded. */
  args: { name: string; value: PyValue; live: PyValue }[];
  /** The argument expressions at the call site (`apple`, `self.params['W1']`), when it was a plain call. */
  argExprs: string[];
  /** Names the call's result was assigned to at the call site (`dall_price, dtax = ...`). */
  targets: string[];
  /** `self.__dict__` when the call started: values as they were (arrays copied), and the objects themselves. */
  selfBefore: Map<string, PyValue>;
  selfBeforeLive: Map<string, PyValue>;
  /** Attributes the call set or changed, with their values at the end of the call. */
  cache: { name: string; value: PyValue; change: 'set' | 'changed'; line?: number; /** Its tape value. */ valueId?: number }[];
  /** The return value (snapshot), and its members when it is a tuple. */
  result?: PyValue;
  outputs: PyValue[];
  liveOutputs: PyValue[];
  error?: PyException;
  site: SourceSpan;
  tape: RawTape;
  /** For backward: the forward call it undoes. */
  forward?: TracedCall;
  /** For backward: did it write into its `dout` argument? */
  mutatedArgs: string[];
  /** For backward: arrays the paired forward cached that changed before this backward ran. */
  staleCache: string[];
  /** Layer calls made while this one ran (a layer built from layers): their operations are on their own tapes. */
  nested: number;
  kept: boolean;
}

interface OpenCall {
  call: TracedCall;
  /** Current tape value id of each object seen (updated when the object is mutated). */
  ids: Map<object, number>;
  /** Python numbers seen, newest last: numbers have no identity, so they are matched by value. */
  numbers: { value: number | bigint | boolean; id: number }[];
  /** Numbers read from an argument or attribute, by `arg:name` / `attr:name`. */
  named: Map<string, number>;
  wasRecording: boolean;
}

export function snapshot(v: PyValue): PyValue {
  if (v instanceof NDArray) return v.size <= SNAPSHOT_LIMIT ? v.copy() : v;
  if (v instanceof PyTuple) return new PyTuple(v.items.map(snapshot));
  if (v instanceof PyList) return new PyList(v.items.map(snapshot));
  return v;
}

function sameContent(a: NDArray, b: NDArray): boolean {
  if (a.size !== b.size) return false;
  const x = a.toFlat();
  const y = b.toFlat();
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i]) && x[i] !== y[i]) return false;
  return true;
}

export class Tracer implements TraceHooks {
  recording = false;
  readonly layers = new Map<PyInstance, TracedLayer>();
  /** The calls kept, in the order they started. */
  readonly calls: TracedCall[] = [];
  /** Calls seen in all, kept or not. */
  totalCalls = 0;
  private seq = 0;
  private readonly open: OpenCall[] = [];
  private readonly layerClasses = new Map<PyClass, { forward: PyFunction; backward: PyFunction } | null>();

  constructor(private readonly interp: Interpreter) {}

  /** A layer is any object whose class defines both `forward` and `backward`, whatever its name. */
  layerMethods(cls: PyClass): { forward: PyFunction; backward: PyFunction } | null {
    let m = this.layerClasses.get(cls);
    if (m === undefined) {
      const forward = cls.lookup('forward');
      const backward = cls.lookup('backward');
      m = forward instanceof PyFunction && backward instanceof PyFunction ? { forward, backward } : null;
      this.layerClasses.set(cls, m);
    }
    return m;
  }

  private layerOf(self: PyInstance): TracedLayer | null {
    let layer = this.layers.get(self);
    if (layer) return layer;
    const m = this.layerMethods(self.cls);
    if (!m) return null;
    layer = { id: `L${this.layers.size + 1}`, instance: self, cls: self.cls, ...m, calls: { forward: 0, backward: 0 }, lastForward: null };
    this.layers.set(self, layer);
    return layer;
  }

  private spanOf(s: Span | undefined | null, filename: string): SourceSpan {
    return s ? { file: filename, line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol } : { file: filename, line: 0, col: 0, endLine: 0, endCol: 0 };
  }

  /** Source text of a span, from the interpreter's copy of the file. */
  textOf(span: SourceSpan): string {
    const lines = this.interp.sources.get(span.file);
    if (!lines || !span.line) return '';
    if (span.line === span.endLine) return (lines[span.line - 1] ?? '').slice(span.col, span.endCol);
    const parts = [(lines[span.line - 1] ?? '').slice(span.col)];
    for (let l = span.line + 1; l < span.endLine; l++) parts.push(lines[l - 1] ?? '');
    parts.push((lines[span.endLine - 1] ?? '').slice(0, span.endCol));
    return parts.join('\n');
  }

  enterCall(f: PyFunction, args: PyValue[], kwargs: Map<string, PyValue> | null, scope: Scope): unknown {
    const name = f.info.name;
    if (name !== 'forward' && name !== 'backward') return null;
    const self = args[0];
    if (!(self instanceof PyInstance)) return null;
    const layer = this.layerOf(self);
    if (!layer) return null;
    const frame = this.interp.frames[this.interp.frames.length - 1];
    const filename = frame?.filename ?? '';
    const callExpr = frame?.span && 'kind' in frame.span && (frame.span as { kind: string }).kind === 'Call' ? (frame.span as unknown as { args: Span[] }) : null;
    const stmt = frame?.stmt;
    const targets: string[] = [];
    if (stmt?.kind === 'Assign') {
      for (const t of stmt.targets) {
        if (t.kind === 'Name') targets.push(t.id);
        else if (t.kind === 'Tuple' || t.kind === 'List') for (const e of t.elts) targets.push(e.kind === 'Name' ? e.id : this.textOf(this.spanOf(e, filename)));
        else targets.push(this.textOf(this.spanOf(t, filename)));
      }
    }
    void kwargs;
    const params = f.info.params.slice(1);
    const call: TracedCall = {
      id: `C${++this.totalCalls}`,
      seq: this.seq++,
      method: name,
      layer,
      fn: f,
      args: params.map((p) => {
        const live = scope.vars.get(p.name) ?? null;
        return { name: p.name, value: snapshot(live), live };
      }),
      argExprs: callExpr ? callExpr.args.map((a) => this.textOf(this.spanOf(a, filename))) : [],
      targets,
      selfBefore: new Map([...self.dict].map(([k, v]) => [k, snapshot(v)])),
      selfBeforeLive: new Map(self.dict),
      cache: [],
      outputs: [],
      liveOutputs: [],
      site: this.spanOf(frame?.span, filename),
      tape: { ops: [], values: [] },
      mutatedArgs: [],
      staleCache: [],
      nested: 0,
      kept: false,
    };
    const parent = this.open[this.open.length - 1];
    if (parent) parent.call.nested++;
    if (name === 'backward') {
      call.forward = layer.lastForward ?? undefined;
      if (call.forward) {
        // Did an array the forward cached change after the forward ended (`forward` kept a reference
        // that the caller then mutated)?
        for (const c of call.forward.cache) {
          const now = self.dict.get(c.name);
          const argLive = call.forward.args.find((a) => a.live === now);
          if (argLive && now instanceof NDArray && c.value instanceof NDArray && now !== c.value && !sameContent(now, c.value)) call.staleCache.push(c.name);
        }
      }
    }
    this.open.push({ call, ids: new Map(), numbers: [], named: new Map(), wasRecording: this.recording });
    this.recording = true;
    return call;
  }

  exitCall(token: unknown, result: PyValue | undefined, error: PyException | undefined): void {
    const open = this.open.pop();
    if (!open || open.call !== token) return;
    this.recording = open.wasRecording;
    const call = open.call;
    const layer = call.layer;
    const self = layer.instance;
    if (error) call.error = error;
    if (result !== undefined) {
      call.result = snapshot(result);
      call.liveOutputs = result instanceof PyTuple ? result.items.slice() : [result];
      call.outputs = call.result instanceof PyTuple ? call.result.items.slice() : [call.result];
    }
    for (const [k, v] of self.dict) {
      const liveBefore = call.selfBeforeLive.get(k);
      const before = call.selfBefore.get(k);
      if (liveBefore === undefined) call.cache.push({ name: k, value: snapshot(v), change: 'set', valueId: this.cacheId(open, v) });
      else if (liveBefore !== v) call.cache.push({ name: k, value: snapshot(v), change: 'set', valueId: this.cacheId(open, v) });
      else if (v instanceof NDArray && before instanceof NDArray && before !== v && !sameContent(before, v)) call.cache.push({ name: k, value: snapshot(v), change: 'changed', valueId: this.cacheId(open, v) });
    }
    if (result !== undefined) call.tape.outputs = this.resultIds(open, call.liveOutputs);
    if (call.method === 'backward') {
      for (const a of call.args) {
        if (a.live instanceof NDArray && a.value instanceof NDArray && a.live !== a.value && !sameContent(a.live, a.value)) call.mutatedArgs.push(a.name);
      }
    }
    const count = ++layer.calls[call.method];
    if (call.method === 'forward') {
      const previous = layer.lastForward;
      layer.lastForward = call;
      if (count <= KEEP_FIRST) this.keep(call);
      // Only the latest forward waits for a backward to pair with; an earlier one not kept is let go.
      if (previous) this.pending.delete(previous);
      if (!call.kept) this.pending.add(call);
    } else if (count <= KEEP_BACKWARD) {
      if (call.forward) this.keep(call.forward);
      this.keep(call);
    }
  }

  private readonly pending = new Set<TracedCall>();

  private keep(call: TracedCall): void {
    this.pending.delete(call);
    if (call.kept) return;
    call.kept = true;
    this.calls.push(call);
  }

  /** The calls to report: those kept, plus each layer's latest forward; in the order they started. */
  finish(): TracedCall[] {
    for (const c of this.pending) this.keep(c);
    this.pending.clear();
    return this.calls.slice().sort((a, b) => a.seq - b.seq);
  }

  // ---------------------------------------------------------------- the tape

  /**
   * The tape values of a call's results when it ends. Objects are known by identity; Python numbers
   * by value, newest first, except that equal members of one tuple (`return dx, dy` with dx == dy)
   * take the equal values in the order they were computed.
   */
  private resultIds(open: OpenCall, items: PyValue[]): number[] {
    const isNum = (v: PyValue): v is number | bigint | boolean => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
    return items.map((v, i) => {
      if (!isNum(v)) return this.resultId(open, v);
      const equal = items.filter((w) => isNum(w) && w === v && typeof w === typeof v).length;
      const rank = items.slice(0, i).filter((w) => isNum(w) && w === v && typeof w === typeof v).length;
      const ids = open.numbers.filter((n) => n.value === v && typeof n.value === typeof v).map((n) => n.id);
      if (equal > 1 && ids.length >= equal) return ids[ids.length - equal + rank];
      return this.resultId(open, v);
    });
  }

  private cacheId(open: OpenCall, v: PyValue): number | undefined {
    const numeric = v instanceof NDArray || v instanceof NPScalar || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
    return numeric ? this.resultId(open, v) : undefined;
  }

  private resultId(open: OpenCall, v: PyValue): number {
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
      for (let i = open.numbers.length - 1; i >= 0; i--) {
        const n = open.numbers[i];
        if (n.value === v && typeof n.value === typeof v) return n.id;
      }
      for (const id of open.named.values()) if (open.call.tape.values[id].value === v) return id;
    }
    return this.valueId(open, v);
  }

  private valueId(open: OpenCall, v: PyValue, expr?: Expr | null): number {
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
      const named = this.numberByExpr(open, v, expr);
      if (named !== undefined) return named;
      for (let i = open.numbers.length - 1; i >= 0; i--) {
        const n = open.numbers[i];
        if (n.value === v && typeof n.value === typeof v) return n.id;
      }
      const id = this.newValue(open, v, this.originOf(open, v));
      open.numbers.push({ value: v, id });
      return id;
    }
    if (v !== null && typeof v === 'object') {
      const known = open.ids.get(v);
      if (known !== undefined) return known;
      const id = this.newValue(open, snapshot(v), this.originOf(open, v));
      open.ids.set(v, id);
      return id;
    }
    return this.newValue(open, v, { kind: 'const' });
  }

  /** A Python number read straight from an argument, an attribute of self, or a literal. */
  private numberByExpr(open: OpenCall, v: number | bigint | boolean, expr?: Expr | null): number | undefined {
    if (!expr) return undefined;
    let origin: RawValue['origin'];
    if (expr.kind === 'Constant') origin = { kind: 'const' };
    else if (expr.kind === 'Name' && open.call.args.some((a) => a.name === expr.id && a.value === v)) origin = { kind: 'arg', name: expr.id };
    else if (expr.kind === 'Attribute' && expr.value.kind === 'Name' && expr.value.id === 'self') origin = { kind: 'attr', name: expr.attr };
    else return undefined;
    const key = origin.kind === 'const' ? null : `${origin.kind}:${origin.name}`;
    if (key) {
      const known = open.named.get(key);
      if (known !== undefined && open.call.tape.values[known].value === v) return known;
    }
    const id = this.newValue(open, v, origin);
    if (key) open.named.set(key, id);
    return id;
  }

  private originOf(open: OpenCall, v: PyValue): RawValue['origin'] {
    const call = open.call;
    const isNum = typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
    for (const a of call.args) if (a.live === v || (isNum && a.value === v)) return { kind: 'arg', name: a.name };
    for (const [k, val] of call.layer.instance.dict) if (val === v) return { kind: 'attr', name: k };
    if (v instanceof NPScalar || isNum) return { kind: 'const' };
    return { kind: 'const' };
  }

  private newValue(open: OpenCall, value: PyValue, origin?: RawValue['origin']): number {
    const id = open.call.tape.values.length;
    open.call.tape.values.push({ id, value, origin });
    return id;
  }

  op(op: string, inputs: PyValue[], output: PyValue, params?: Record<string, unknown>, exprs?: (Expr | null)[]): void {
    const open = this.open[this.open.length - 1];
    if (!open) return;
    const frame = this.interp.frames[this.interp.frames.length - 1];
    const filename = frame?.filename ?? '';
    const inPlace = op === 'setitem' || params?.inPlace === true;
    const spanNode = inPlace ? frame?.stmt : this.interp.opSpan ?? frame?.stmt;
    const inputIds = inputs.map((v, i) => this.valueId(open, v, exprs?.[i]));
    let outputId: number;
    if (output !== null && typeof output === 'object') {
      outputId = this.newValue(open, snapshot(output));
      open.ids.set(output, outputId);
    } else {
      outputId = this.newValue(open, output);
      if (typeof output === 'number' || typeof output === 'bigint' || typeof output === 'boolean') open.numbers.push({ value: output, id: outputId });
    }
    const tape = open.call.tape;
    tape.ops.push({ id: tape.ops.length, op, inputs: inputIds, output: outputId, params: cleanParams(params), span: this.spanOf(spanNode, filename) });
  }

  beforeMutate(target: PyValue): void {
    const open = this.open[this.open.length - 1];
    if (!open || target === null || typeof target !== 'object') return;
    // The object's current tape value must keep its content from before the write.
    if (!open.ids.has(target)) this.valueId(open, target);
  }
}

function cleanParams(params?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!params) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    out[k] = v instanceof PyTuple || v instanceof PyList || v instanceof NDArray || v instanceof PyDict ? snapshot(v) : v;
  }
  return out;
}
