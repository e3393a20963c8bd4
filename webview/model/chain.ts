// The chain rule at one node: upstream gradient × local derivative = downstream gradient, with
// the run's numbers. The local derivative comes from the layer's kind and its forward values; the
// downstream gradient it predicts is set beside what the learner's backward returned.

import type { GraphNode, LayerCall, TapeOp, ValueSummary } from '../../src/engine/lens/report';
import type { ReportIndex } from './index';
import { valueMap, type TapeGradients } from './tape';

export interface ChainRow {
  /** What the gradient is taken with respect to: the input's variable name, or the parameter. */
  target: string;
  kind: 'input' | 'param';
  upstream?: number[];
  /** The local derivative, per element (broadcast to the upstream's size), when it is elementwise. */
  local?: number[];
  /** upstream × local, or the matrix formula's result, when the panel can compute it. */
  expected?: number[];
  /** What the learner's backward returned for it. */
  learner?: ValueSummary;
  agrees?: boolean;
  /** TeX: the chain rule in symbols, and the local derivative alone. */
  tex: string;
  localTex?: string;
}

export interface ChainAtNode {
  node: GraphNode;
  /** The output's name (z in ∂z/∂x). */
  output: string;
  upstreamValue?: ValueSummary;
  rows: ChainRow[];
  forward?: LayerCall;
  backward?: LayerCall;
}

export function texName(name: string): string {
  const safe = name.replace(/[\\{}$&#^%~]/g, '').replace(/_/g, '\\_');
  return /^[A-Za-z]$/.test(safe) ? safe : `\\text{${safe}}`;
}

function partial(of: string, wrt: string): string {
  return `\\frac{\\partial ${of}}{\\partial ${wrt}}`;
}

/** NumPy's allclose with its defaults (rtol 1e-5, atol 1e-8), with scalar broadcasting. */
export function allclose(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.max(a.length, b.length);
  if (a.length !== n && a.length !== 1) return false;
  if (b.length !== n && b.length !== 1) return false;
  for (let i = 0; i < n; i++) {
    const x = a.length === 1 ? a[0] : a[i];
    const y = b.length === 1 ? b[0] : b[i];
    if (!(Math.abs(x - y) <= 1e-8 + 1e-5 * Math.abs(y))) return false;
  }
  return true;
}

function times(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, i) => (a.length === 1 ? a[0] : a[i]) * (b.length === 1 ? b[0] : b[i]));
}

function matmul(a: readonly number[], as: readonly number[], b: readonly number[], bs: readonly number[]): number[] | undefined {
  const [n, k] = as.length === 2 ? as : [1, as[0]];
  const [k2, m] = bs.length === 2 ? bs : [bs[0], 1];
  if (k !== k2 || a.length !== n * k || b.length !== k2 * m) return undefined;
  const out = new Array<number>(n * m).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
    let s = 0;
    for (let t = 0; t < k; t++) s += a[i * k + t] * b[t * m + j];
    out[i * m + j] = s;
  }
  return out;
}

function transpose(a: readonly number[], shape: readonly number[]): [number[], number[]] {
  if (shape.length !== 2) return [a.slice(), shape.slice()];
  const [r, c] = shape;
  const out = new Array<number>(a.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
  return [out, [c, r]];
}

function withAgreement(row: ChainRow): ChainRow {
  const l = row.learner?.data;
  if (row.expected && l) row.agrees = allclose(l, row.expected);
  return row;
}

/** The array a forward read from `self.<name>` (Affine's W and b), from its tape. */
function selfArray(ix: ReportIndex, call: LayerCall, name: string): ValueSummary | undefined {
  const tape = call.tape ? ix.tape.get(call.tape) : undefined;
  return tape?.values.find((v) => v.origin?.kind === 'attr' && v.origin.name === name)?.value;
}

export function chainAtLayer(ix: ReportIndex, node: GraphNode): ChainAtNode | undefined {
  if (node.kind !== 'layer') return undefined;
  const forward = node.forwardCall ? ix.call.get(node.forwardCall) : undefined;
  const backward = node.backwardCall ? ix.call.get(node.backwardCall) : undefined;
  const info = node.layer ? ix.layer.get(node.layer) : undefined;
  const ins = ix.inEdges.get(node.id) ?? [];
  const outs = ix.outEdges.get(node.id) ?? [];
  const output = outs[0]?.label ?? 'out';
  const z = texName(output);
  const upstreamValue = backward?.args[0]?.value;
  const upstream = upstreamValue?.data;
  const result: ChainAtNode = { node, output, upstreamValue, rows: [], forward, backward };
  if (!forward || !backward) return result;

  const argNames = forward.args.map((a, p) => ins.find((e) => e.toPort === p)?.label ?? a.expr ?? a.name);
  const learnerFor = (p: number) => (backward.outputs.length === forward.args.length || p === 0 ? backward.outputs[p] : undefined);
  const fdata = (p: number) => forward.args[p]?.value.data;
  const y = forward.outputs[0]?.data;
  const upTex = partial('L', z);

  argNames.forEach((name, p) => {
    const x = texName(name);
    const row: ChainRow = { target: name, kind: 'input', upstream, learner: learnerFor(p), tex: '' };
    let localTex: string | undefined;
    let local: number[] | undefined;
    switch (info?.kind) {
      case 'multiply': {
        const other = fdata(1 - p);
        localTex = texName(argNames[1 - p] ?? 'y');
        local = other;
        break;
      }
      case 'add':
        localTex = '1';
        local = [1];
        break;
      case 'sigmoid':
        localTex = `${z}\\,(1 - ${z})`;
        local = y?.map((v) => v * (1 - v));
        break;
      case 'tanh':
        localTex = `1 - ${z}^2`;
        local = y?.map((v) => 1 - v * v);
        break;
      case 'relu':
        localTex = `[\\,${x} > 0\\,]`;
        local = fdata(p)?.map((v) => (v > 0 ? 1 : 0));
        break;
      default:
        break;
    }
    if (localTex !== undefined) {
      row.localTex = localTex;
      row.local = local && upstream ? times(local, upstream.map(() => 1)) : local;
      if (local && upstream) row.expected = times(upstream, local);
      row.tex = `${partial('L', x)} = ${upTex}\\,${partial(z, x)} = ${upTex}\\cdot ${localTex}`;
    } else if (info?.kind === 'affine' && p === 0) {
      const W = selfArray(ix, forward, 'W');
      row.tex = `${partial('L', x)} = ${upTex}\\cdot W^{\\mathsf{T}}`;
      if (W?.data && W.shape && upstream && upstreamValue?.shape) {
        const [wt, wts] = transpose(W.data, W.shape);
        row.expected = matmul(upstream, upstreamValue.shape, wt, wts);
      }
    } else if (info?.kind === 'softmax-with-loss' && p === 0) {
      const yv = forward.cache.find((c) => c.name === 'y')?.value.data;
      const t = fdata(1);
      const n = forward.args[1]?.value.shape?.[0] ?? 1;
      row.tex = `${partial('L', x)} = ${upTex}\\cdot \\frac{y - t}{N}`;
      if (yv && t && yv.length === t.length) {
        const base = yv.map((v, i) => (v - t[i]) / n);
        row.expected = upstream ? times(base, upstream) : base;
      }
    } else {
      row.tex = `${partial('L', x)} = ${upTex}\\,${partial(z, x)}`;
    }
    result.rows.push(withAgreement(row));
  });

  // Gradients the backward stored on self for parameters it read (self.dW for self.W).
  for (const c of backward.cache) {
    const m = /^d(\w+)$/.exec(c.name);
    if (!m) continue;
    const param = selfArray(ix, forward, m[1]);
    if (!param) continue;
    const row: ChainRow = { target: m[1], kind: 'param', upstream, learner: c.value, tex: '' };
    const X = forward.args[0]?.value;
    if (info?.kind === 'affine' && m[1] === 'W') {
      row.tex = `${partial('L', 'W')} = ${texName(argNames[0] ?? 'x')}^{\\mathsf{T}}\\cdot ${upTex}`;
      if (X?.data && X.shape && upstream && upstreamValue?.shape) {
        const [xt, xts] = transpose(X.data, X.shape.length === 1 ? [1, X.shape[0]] : X.shape);
        row.expected = matmul(xt, xts, upstream, upstreamValue.shape.length === 1 ? [1, upstreamValue.shape[0]] : upstreamValue.shape);
      }
    } else if (info?.kind === 'affine' && m[1] === 'b') {
      row.tex = `${partial('L', 'b')} = \\sum_{\\text{rows}} ${upTex}`;
      const shape = upstreamValue?.shape;
      if (upstream && shape?.length === 2) {
        const [r, cols] = shape;
        row.expected = Array.from({ length: cols }, (_, j) => {
          let s = 0;
          for (let i = 0; i < r; i++) s += upstream[i * cols + j];
          return s;
        });
      } else if (upstream && shape?.length === 1) {
        row.expected = upstream.slice();
      }
    } else {
      row.tex = `${partial('L', m[1])} = ${upTex}\\,${partial(z, m[1])}`;
    }
    result.rows.push(withAgreement(row));
  }
  return result;
}

/** The local derivative of an elementary op in TeX, input `k` named `a`, output `b`. */
export function opLocalTex(op: TapeOp, k: number, a: string, other: string, b: string): string {
  switch (op.op) {
    case 'negative': return '-1';
    case 'exp': return `e^{${a}} = ${b}`;
    case 'log': return `\\frac{1}{${a}}`;
    case 'sqrt': return `\\frac{1}{2\\sqrt{${a}}}`;
    case 'square': return `2${a}`;
    case 'tanh': return `1 - ${b}^2`;
    case 'add': case 'copy': case 'positive': return '1';
    case 'subtract': return k === 0 ? '1' : '-1';
    case 'multiply': return other;
    case 'divide': return k === 0 ? `\\frac{1}{${other}}` : `-\\frac{${other}}{${a}^2}`;
    case 'power': return `${other}\\,${a}^{${other} - 1}`;
    default: return `\\frac{\\partial ${b}}{\\partial ${a}}`;
  }
}

export interface OpChain {
  op: TapeOp;
  rows: { input: string; local: number[]; downstream: number[]; tex: string }[];
  upstream: number[];
}

/** The chain rule at one elementary op of an opened layer. */
export function chainAtOp(ix: ReportIndex, tapeId: string, opId: string, grads: TapeGradients | undefined): OpChain | undefined {
  const tape = ix.tape.get(tapeId);
  const op = tape?.ops.find((o) => o.id === opId);
  const og = grads?.ops.get(opId);
  if (!tape || !op || !og) return undefined;
  const values = valueMap(tape);
  const name = (id: string) => {
    const v = values.get(id);
    if (v?.origin?.kind === 'arg') return v.origin.name;
    if (v?.origin?.kind === 'attr') return v.origin.name;
    if (v?.origin?.kind === 'const') return v.value.text;
    const producer = tape.ops.find((o) => o.output === id);
    return producer ? `v_{${tape.ops.indexOf(producer) + 1}}` : id;
  };
  const b = `v_{${tape.ops.indexOf(op) + 1}}`;
  return {
    op,
    upstream: og.upstream,
    rows: og.inputs.map((inp) => {
      const k = op.inputs.indexOf(inp.value);
      const a = texOrName(name(inp.value));
      const other = texOrName(name(op.inputs[1 - k] ?? ''));
      const local = opLocalTex(op, k, a, other, b);
      return {
        input: name(inp.value),
        local: inp.local,
        downstream: inp.downstream,
        tex: `\\frac{\\partial L}{\\partial ${a}} = \\frac{\\partial L}{\\partial ${b}}\\cdot ${local}`,
      };
    }),
  };
}

function texOrName(n: string): string {
  return n.startsWith('v_{') ? n : texName(n);
}
