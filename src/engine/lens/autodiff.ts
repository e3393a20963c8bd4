// The automatic gradient: reverse-mode differentiation over the tape a forward call recorded.
//
// Every operation the tape can hold has one entry in RULES, micrograd-style: how to compute it
// (`forward`, used to confirm that the lens reads the recorded operation as NumPy computed it)
// and its local derivative as a vector-Jacobian product (`vjp`: the upstream gradient in, one
// gradient per input out). Broadcasting is undone by summing the gradient back to each input's
// shape. The backward pass is seeded with the `dout` the learner's `backward` received.
//
// Values on the tape are snapshots (Python numbers, NumPy scalars, arrays); all the math here is
// done on float64 arrays. An operation without a rule on the way from an input to the output makes
// that input's gradient unavailable (the operation is named): never a wrong number.

import { NDArray, binary, dot, reduce, unary, where, type BinaryOp, type IndexItem, type UnaryOp } from '../numpy/ndarray';
import { NPScalar } from '../numpy/module';
import { Ellipsis, PyList, PySlice, PyTuple, type PyValue } from '../values';
import type { RawOp, RawTape } from './tracer';

// ------------------------------------------------------------------ array helpers (float64)

/** A tape value as a float64 array (0-d for numbers); null when it is not numeric. */
export function toFloat(v: PyValue): NDArray | null {
  if (v instanceof NDArray) return v.dtype === 'float64' ? v : v.astype('float64');
  if (typeof v === 'number') return NDArray.scalar(v, 'float64');
  if (typeof v === 'bigint') return NDArray.scalar(Number(v), 'float64');
  if (typeof v === 'boolean') return NDArray.scalar(v ? 1 : 0, 'float64');
  if (v instanceof NPScalar) return NDArray.scalar(v.value, 'float64');
  if (v instanceof PyList || v instanceof PyTuple) {
    const flat: number[] = [];
    const shape: number[] = [];
    const visit = (x: PyValue, depth: number): boolean => {
      if (x instanceof PyList || x instanceof PyTuple) {
        if (shape.length === depth) shape.push(x.items.length);
        else if (shape[depth] !== x.items.length) return false;
        return x.items.every((it) => visit(it, depth + 1));
      }
      if (depth !== shape.length) return false;
      const a = toFloat(x);
      if (!a || a.ndim !== 0) return false;
      flat.push(a.item());
      return true;
    };
    return visit(v, 0) ? NDArray.fromFlat(flat, shape, 'float64') : null;
  }
  return null;
}

const op = (a: NDArray) => ({ array: a, weak: false });
const bin = (o: BinaryOp, a: NDArray, b: NDArray): NDArray => binary(o, op(a), op(b)).astype('float64');
const un = (o: UnaryOp, a: NDArray): NDArray => unary(o, op(a)).astype('float64');
const mul = (a: NDArray, b: NDArray) => bin('multiply', a, b);
const div = (a: NDArray, b: NDArray) => bin('true_divide', a, b);
const sub = (a: NDArray, b: NDArray) => bin('subtract', a, b);
const addA = (a: NDArray, b: NDArray) => bin('add', a, b);
const num = (x: number) => NDArray.scalar(x, 'float64');
const neg = (a: NDArray) => un('negative', a);
const zerosLike = (shape: readonly number[]) => NDArray.zeros(shape.slice(), 'float64');
const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/** Is `a` a float64 array laid out in its own buffer from offset 0 (safe to write into)? */
function isDense(a: NDArray): boolean {
  return a.dtype === 'float64' && a.offset === 0 && a.data.length === a.size && a.isCContiguous();
}

/** A contiguous float64 copy. */
function dense(a: NDArray): NDArray {
  return NDArray.fromFlat(a.toFlat(), a.shape.slice(), 'float64');
}

/** Undoes broadcasting: sums `g` over the axes along which an input of `shape` was broadcast. */
export function sumTo(g: NDArray, shape: readonly number[]): NDArray {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  if (lead < 0) throw new Error(`cannot sum a gradient of shape (${g.shape}) to (${shape})`);
  const axes: number[] = [];
  for (let i = 0; i < g.ndim; i++) {
    if (i < lead) axes.push(i);
    else if (shape[i - lead] === 1 && g.shape[i] !== 1) axes.push(i);
    else if (shape[i - lead] !== g.shape[i]) throw new Error(`cannot sum a gradient of shape (${g.shape}) to (${shape})`);
  }
  const r = axes.length ? reduce('sum', g, axes, false) : g;
  return dense(r).reshape(shape.slice());
}

function normAxes(axis: unknown, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = Array.isArray(axis) ? (axis as number[]) : [axis as number];
  return list.map((a) => (a < 0 ? a + ndim : a));
}

/** The shape a reduction over `axes` has with keepdims. */
function keptShape(shape: readonly number[], axes: number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** The Python key of a subscript (a tape param) as index items, as the numpy module reads it. */
export function indexItems(key: unknown): IndexItem[] | null {
  const items = key instanceof PyTuple ? key.items : [key as PyValue];
  const out: IndexItem[] = [];
  for (const k of items) {
    if (typeof k === 'bigint') out.push({ kind: 'int', value: Number(k) });
    else if (k instanceof NPScalar && k.dtype === 'int64') out.push({ kind: 'int', value: k.value });
    else if (k instanceof PySlice) {
      const part = (p: PyValue): number | null | undefined => (p === null ? null : typeof p === 'bigint' ? Number(p) : p instanceof NPScalar && p.dtype === 'int64' ? p.value : undefined);
      const [start, stop, step] = [part(k.start), part(k.stop), part(k.step)];
      if (start === undefined || stop === undefined || step === undefined) return null;
      out.push({ kind: 'slice', start, stop, step });
    } else if (k === null) out.push({ kind: 'newaxis' });
    else if (k === Ellipsis) out.push({ kind: 'ellipsis' });
    else if (k instanceof NDArray) out.push({ kind: 'array', array: k });
    else if (k instanceof PyList) {
      const a = toFloat(k);
      if (!a) return null;
      const allBool = k.items.every((x) => typeof x === 'boolean');
      out.push({ kind: 'array', array: a.astype(allBool ? 'bool' : 'int64') });
    } else if (typeof k === 'boolean' || (k instanceof NPScalar && k.dtype === 'bool')) {
      out.push({ kind: 'array', array: NDArray.scalar(k === true || (k instanceof NPScalar && k.value !== 0) ? 1 : 0, 'bool') });
    } else return null;
  }
  return out;
}

/** The flat (C-order) positions an index selects in an array of `shape`, laid out in the result's shape. */
export function indexPositions(shape: readonly number[], key: unknown): { positions: Float64Array; shape: number[] } {
  const items = indexItems(key);
  if (!items) throw new Error('an index the lens cannot read');
  if (items.length === shape.length && items.every((it) => it.kind === 'int')) {
    // x[i, j] in a loop: one element, no index array needed.
    let flat = 0;
    for (let d = 0; d < shape.length; d++) {
      let i = (items[d] as { value: number }).value;
      if (i < 0) i += shape[d];
      if (i < 0 || i >= shape[d]) throw new Error('index out of range');
      flat = flat * shape[d] + i;
    }
    return { positions: Float64Array.of(flat), shape: [] };
  }
  const n = shape.reduce((a, b) => a * b, 1);
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  const r = NDArray.fromData(ids, shape.slice(), 'float64').getItem(items);
  if (typeof r === 'number') return { positions: Float64Array.of(r), shape: [] };
  return { positions: r.toFlat(), shape: r.shape.slice() };
}

// ------------------------------------------------------------------ the rules

interface VjpContext {
  op: RawOp;
  tape: RawTape;
  /** Which inputs need a gradient. */
  needs: boolean[];
  /** Treat a tiny constant added inside `log` as a guard against log(0) (see `guards`). */
  guards: boolean;
  /** Guards used: the add op whose constant was treated as 0. */
  guardsUsed: RawOp[];
  /** The upstream gradient is this op's alone (nothing reads it later): the rule may write into it. */
  gOwned: boolean;
}

/** A gradient that is zero except at some flat positions (indexing one element in a loop). */
export class Sparse {
  constructor(readonly shape: number[], readonly positions: Float64Array, readonly values: Float64Array) {}
}

interface Rule {
  /** How NumPy computes the operation, to confirm the recorded output. */
  forward?: (x: NDArray[], params: Record<string, unknown>) => NDArray;
  /** Gradients of the inputs given the upstream gradient `g` (shaped like the output); null: none. */
  vjp: (g: NDArray, x: NDArray[], out: NDArray, params: Record<string, unknown>, ctx: VjpContext) => (NDArray | Sparse | null)[];
  /** The local derivative in words, for explanations (`x` the input, `y` the output). */
  local: string;
}

const binaryRule = (o: BinaryOp, vjp: Rule['vjp'], local: string): Rule => ({ forward: (x) => bin(o, x[0], x[1]), vjp, local });
const unaryRule = (o: UnaryOp, d: (x: NDArray, y: NDArray) => NDArray, local: string): Rule => ({
  forward: (x) => un(o, x[0]),
  vjp: (g, x, y) => [mul(g, d(x[0], y))],
  local,
});

function minMaxVjp(isMax: boolean): Rule['vjp'] {
  return (g, [a, b], _out, _p, ctx) => {
    const win = bin(isMax ? 'greater' : 'less', a, b);
    const tie = bin('equal', a, b);
    // At a tie the gradient goes to neither side when only one side varies (np.maximum(0, x) passes
    // nothing at x == 0, as ReLU's usual mask x <= 0 does), and is split when both vary.
    const both = ctx.needs[0] && ctx.needs[1];
    const share = both ? mul(tie, num(0.5)) : zerosLike(tie.shape);
    const wa = addA(win, share);
    const wb = addA(sub(sub(num(1), win), tie), share);
    return [sumTo(mul(g, wa), a.shape), sumTo(mul(g, wb), b.shape)];
  };
}

/** Gradient of max/min over axes: routed to the first position that attains it (NumPy's argmax order). */
function extremumVjp(g: NDArray, [x]: NDArray[], out: NDArray, params: Record<string, unknown>): (NDArray | null)[] {
  const axes = normAxes(params.axis, x.ndim);
  const kshape = keptShape(x.shape, axes);
  const gk = dense(g).reshape(kshape);
  const ok = dense(out).reshape(kshape);
  const xs = x.toFlat();
  const gs = gk.toFlat();
  const os = ok.toFlat();
  const res = new Float64Array(xs.length);
  const done = new Uint8Array(os.length);
  const idx = new Array<number>(x.ndim).fill(0);
  const kstr: number[] = [];
  let s = 1;
  for (let i = kshape.length - 1; i >= 0; i--) { kstr[i] = s; s *= kshape[i]; }
  for (let flat = 0; flat < xs.length; flat++) {
    let group = 0;
    for (let d = 0; d < x.ndim; d++) if (kshape[d] !== 1) group += idx[d] * kstr[d];
    if (!done[group] && xs[flat] === os[group]) { done[group] = 1; res[flat] = gs[group]; }
    for (let d = x.ndim - 1; d >= 0; d--) { if (++idx[d] < x.shape[d]) break; idx[d] = 0; }
  }
  return [NDArray.fromData(res, x.shape.slice(), 'float64')];
}

function reduceForward(o: 'sum' | 'mean' | 'max' | 'min') {
  return (x: NDArray[], p: Record<string, unknown>) => reduce(o, x[0], (p.axis ?? null) as number | number[] | null, p.keepdims === true).astype('float64');
}

function expandReduced(g: NDArray, x: NDArray, params: Record<string, unknown>): NDArray {
  const axes = normAxes(params.axis, x.ndim);
  return dense(dense(g).reshape(keptShape(x.shape, axes)).broadcastTo(x.shape));
}

function dotVjp(g: NDArray, [a, b]: NDArray[]): (NDArray | null)[] {
  if (a.ndim === 0 || b.ndim === 0) return [sumTo(mul(g, b), a.shape), sumTo(mul(g, a), b.shape)];
  if (a.ndim === 1 && b.ndim === 1) return [mul(g, b), mul(g, a)];
  if (a.ndim === 2 && b.ndim === 2) return [dot(g, b.transpose()), dot(a.transpose(), g)];
  if (a.ndim === 2 && b.ndim === 1) {
    // (m,n)·(n,) -> (m,): da = g ⊗ b, db = aᵀ·g
    return [dot(dense(g).reshape([g.size, 1]), dense(b).reshape([1, b.size])), dot(a.transpose(), g)];
  }
  if (a.ndim === 1 && b.ndim === 2) {
    // (n,)·(n,k) -> (k,): da = b·g, db = a ⊗ g
    return [dot(b, g), dot(dense(a).reshape([a.size, 1]), dense(g).reshape([1, g.size]))];
  }
  throw new Unsupported('dot of arrays with more than 2 dimensions');
}

class Unsupported extends Error {}

const ZERO_GRAD = new Set([
  'less', 'less_equal', 'greater', 'greater_equal', 'equal', 'not_equal', 'argmax', 'argmin', 'sign', 'floor', 'ceil', 'rint',
  'trunc', 'isnan', 'isinf', 'isfinite', 'logical_and', 'logical_or', 'logical_not', 'invert', 'floor_divide', 'all', 'any',
  'bitwise_and', 'bitwise_or', 'bitwise_xor', 'left_shift', 'right_shift',
]);

export const RULES: Record<string, Rule> = {
  add: binaryRule('add', (g, [a, b]) => [sumTo(g, a.shape), sumTo(g, b.shape)], '∂(a + b)/∂a = 1 and ∂(a + b)/∂b = 1, summed over the axes along which an input was broadcast'),
  subtract: binaryRule('subtract', (g, [a, b]) => [sumTo(g, a.shape), sumTo(neg(g), b.shape)], '∂(a − b)/∂a = 1 and ∂(a − b)/∂b = −1'),
  multiply: binaryRule('multiply', (g, [a, b]) => [sumTo(mul(g, b), a.shape), sumTo(mul(g, a), b.shape)], '∂(a·b)/∂a = b (the other factor) and ∂(a·b)/∂b = a'),
  divide: binaryRule('true_divide', (g, [a, b]) => [sumTo(div(g, b), a.shape), sumTo(neg(div(mul(g, a), mul(b, b))), b.shape)], '∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b²'),
  power: {
    forward: (x) => bin('power', x[0], x[1]),
    vjp: (g, [a, b], out, _p, ctx) => [
      ctx.needs[0] ? sumTo(mul(g, mul(b, bin('power', a, sub(b, num(1))))), a.shape) : null,
      ctx.needs[1] ? sumTo(mul(g, mul(out, un('log', a))), b.shape) : null,
    ],
    local: '∂(aⁿ)/∂a = n·aⁿ⁻¹',
  },
  remainder: binaryRule('remainder', (g, [a, b]) => [sumTo(g, a.shape), sumTo(neg(mul(g, un('floor', div(a, b)))), b.shape)], '∂(a mod b)/∂a = 1'),
  maximum: binaryRule('maximum', minMaxVjp(true), '∂max(a, b)/∂a = 1 where a is the larger, 0 elsewhere'),
  minimum: binaryRule('minimum', minMaxVjp(false), '∂min(a, b)/∂a = 1 where a is the smaller, 0 elsewhere'),
  negative: unaryRule('negative', () => num(-1), '∂(−x)/∂x = −1'),
  positive: unaryRule('positive', () => num(1), '∂(+x)/∂x = 1'),
  exp: unaryRule('exp', (_x, y) => y, '∂exp(x)/∂x = exp(x), the output itself'),
  log: {
    forward: (x) => un('log', x[0]),
    vjp: (g, [x], _out, _p, ctx) => {
      let d = x;
      if (ctx.guards) {
        // `np.log(y + 1e-7)`: the constant only keeps log away from 0; the learner's formula is the
        // derivative of log(y), so the automatic gradient is taken at y.
        const guard = guardConstant(ctx.tape, ctx.op.inputs[0]);
        if (guard) { d = sub(x, num(guard.c)); ctx.guardsUsed.push(guard.op); }
      }
      return [div(g, d)];
    },
    local: '∂log(x)/∂x = 1/x',
  },
  log2: unaryRule('log2', (x) => div(num(1 / Math.LN2), x), '∂log₂(x)/∂x = 1/(x·ln 2)'),
  log10: unaryRule('log10', (x) => div(num(1 / Math.LN10), x), '∂log₁₀(x)/∂x = 1/(x·ln 10)'),
  log1p: unaryRule('log1p', (x) => div(num(1), addA(x, num(1))), '∂log(1 + x)/∂x = 1/(1 + x)'),
  expm1: unaryRule('expm1', (_x, y) => addA(y, num(1)), '∂(exp(x) − 1)/∂x = exp(x)'),
  tanh: unaryRule('tanh', (_x, y) => sub(num(1), mul(y, y)), '∂tanh(x)/∂x = 1 − tanh²(x) = 1 − y²'),
  sqrt: unaryRule('sqrt', (_x, y) => div(num(0.5), y), '∂√x/∂x = 1/(2√x)'),
  square: unaryRule('square', (x) => mul(num(2), x), '∂x²/∂x = 2x'),
  absolute: unaryRule('absolute', (x) => un('sign', x), '∂|x|/∂x = sign(x)'),
  reciprocal: unaryRule('reciprocal', (x) => neg(div(num(1), mul(x, x))), '∂(1/x)/∂x = −1/x²'),
  sin: unaryRule('sin', (x) => un('cos', x), '∂sin(x)/∂x = cos(x)'),
  cos: unaryRule('cos', (x) => neg(un('sin', x)), '∂cos(x)/∂x = −sin(x)'),
  sinh: unaryRule('sinh', (x) => un('cosh', x), '∂sinh(x)/∂x = cosh(x)'),
  cosh: unaryRule('cosh', (x) => un('sinh', x), '∂cosh(x)/∂x = sinh(x)'),
  arctan: unaryRule('arctan', (x) => div(num(1), addA(num(1), mul(x, x))), '∂arctan(x)/∂x = 1/(1 + x²)'),
  dot: { forward: (x) => dot(x[0], x[1]).astype('float64'), vjp: dotVjp, local: '∂(x·W)/∂x = dout·Wᵀ and ∂(x·W)/∂W = xᵀ·dout' },
  matmul: {
    forward: (x) => {
      if (x[0].ndim > 2 || x[1].ndim > 2 || x[0].ndim === 0 || x[1].ndim === 0) throw new Unsupported('matmul of arrays with more than 2 dimensions');
      return dot(x[0], x[1]).astype('float64');
    },
    vjp: dotVjp,
    local: '∂(x @ W)/∂x = dout @ Wᵀ and ∂(x @ W)/∂W = xᵀ @ dout',
  },
  sum: { forward: reduceForward('sum'), vjp: (g, [x], _o, p) => [expandReduced(g, x, p)], local: 'the gradient of a sum is the upstream gradient copied back to every summed element' },
  mean: {
    forward: reduceForward('mean'),
    vjp: (g, [x], out, p) => [div(expandReduced(g, x, p), num(x.size / Math.max(out.size, 1)))],
    local: 'the gradient of a mean is the upstream gradient divided by the number of elements averaged',
  },
  max: { forward: reduceForward('max'), vjp: extremumVjp, local: 'the gradient of a max goes to the element that attained it' },
  min: { forward: reduceForward('min'), vjp: extremumVjp, local: 'the gradient of a min goes to the element that attained it' },
  transpose: {
    forward: (x, p) => x[0].transpose((p.axes ?? undefined) as number[] | undefined),
    vjp: (g, [x], _o, p) => {
      const axes = (p.axes ?? null) as number[] | null;
      if (!axes) return [dense(g.transpose())];
      const perm = axes.map((a) => (a < 0 ? a + x.ndim : a));
      const inv = new Array<number>(perm.length);
      perm.forEach((a, i) => { inv[a] = i; });
      return [dense(g.transpose(inv))];
    },
    local: 'the gradient of a transpose is the upstream gradient transposed back',
  },
  reshape: {
    forward: (x, p) => x[0].reshape(p.shape as number[]),
    vjp: (g, [x]) => [dense(g).reshape(x.shape.slice())],
    local: 'the gradient of a reshape is the upstream gradient reshaped back',
  },
  copy: { forward: (x) => x[0], vjp: (g) => [g], local: 'a copy passes the gradient unchanged' },
  astype: {
    vjp: (g, _x, _out, _p, ctx) => {
      const raw = ctx.tape.values[ctx.op.output].value;
      const float = raw instanceof NDArray ? raw.dtype === 'float64' || raw.dtype === 'float32' : typeof raw === 'number';
      return [float ? g : null];
    },
    local: 'a cast to float passes the gradient unchanged (a cast to int or bool passes none)',
  },
  getitem: {
    forward: (x, p) => {
      const items = indexItems(p.index);
      if (!items) throw new Unsupported('an index the lens cannot read');
      const r = x[0].getItem(items);
      return typeof r === 'number' ? num(r) : r;
    },
    vjp: (g, [x], _o, p) => {
      const { positions, shape } = indexPositions(x.shape, p.index);
      const gs = g.size === positions.length ? dense(g).toFlat() : dense(g.broadcastTo(shape)).toFlat();
      return [new Sparse(x.shape.slice(), positions, gs)];
    },
    local: 'indexing routes the gradient back to the selected elements (added up where an element was selected more than once)',
  },
  setitem: {
    vjp: (g, [before, value], _o, p, ctx) => {
      const { positions, shape } = indexPositions(before.shape, p.index);
      const owned = ctx.gOwned && isDense(g);
      const gs = owned ? g.data : dense(g).toFlat();
      const gBefore = owned ? g.data : Float64Array.from(gs);
      const gv = new Float64Array(positions.length);
      if (positions.length === 1) {
        gv[0] = gs[positions[0]];
        gBefore[positions[0]] = 0;
        return [owned ? g : NDArray.fromData(gBefore, before.shape.slice(), 'float64'), sumTo(NDArray.fromData(gv, shape, 'float64'), value.shape)];
      }
      // The last write to a position wins: only it receives that position's gradient.
      const last = new Map<number, number>();
      for (let k = 0; k < positions.length; k++) last.set(positions[k], k);
      for (let k = 0; k < positions.length; k++) if (last.get(positions[k]) === k) gv[k] = gs[positions[k]];
      for (let k = 0; k < positions.length; k++) gBefore[positions[k]] = 0;
      return [owned ? g : NDArray.fromData(gBefore, before.shape.slice(), 'float64'), sumTo(NDArray.fromData(gv, shape, 'float64'), value.shape)];
    },
    local: 'an assignment `a[idx] = v` stops the gradient of the old values at the written positions and sends it to v instead',
  },
  where: {
    forward: (x) => where(x[0].astype('bool'), op(x[1]), op(x[2])).astype('float64'),
    vjp: (g, [c, a, b]) => {
      const m = bin('not_equal', c, num(0)).astype('float64');
      return [null, sumTo(mul(g, m), a.shape), sumTo(mul(g, sub(num(1), m)), b.shape)];
    },
    local: '∂where(c, a, b)/∂a = 1 where c holds, 0 elsewhere',
  },
};

/** `np.log(y + 1e-7)`: the add feeding a log whose constant is a tiny positive float. */
function guardConstant(tape: RawTape, valueId: number): { op: RawOp; c: number } | null {
  const prod = producer(tape, valueId);
  if (!prod || prod.op !== 'add' || prod.params?.inPlace) return null;
  for (let i = 0; i < 2; i++) {
    const v = tape.values[prod.inputs[i]];
    if (v.origin?.kind === 'const' && typeof v.value === 'number' && v.value > 0 && v.value <= 1e-5) return { op: prod, c: v.value };
  }
  return null;
}

/** The op that produced a tape value (the last one, if several did), or null for inputs and constants. */
export function producer(tape: RawTape, valueId: number): RawOp | null {
  for (let i = tape.ops.length - 1; i >= 0; i--) if (tape.ops[i].output === valueId) return tape.ops[i];
  return null;
}

const VIEW_OPS = new Set(['getitem', 'reshape', 'transpose']);

/**
 * For each value of the tape, the argument or attribute whose memory it may share: followed back
 * through views (indexing, reshape, transpose) and in-place writes (which keep the object).
 * Values in fresh memory (results of arithmetic, copies, constants) map to nothing.
 */
export function memoryRoots(tape: RawTape): Map<number, { kind: 'arg' | 'attr'; name: string }> {
  const roots = new Map<number, { kind: 'arg' | 'attr'; name: string }>();
  for (const v of tape.values) if (v.origin && v.origin.kind !== 'const') roots.set(v.id, v.origin);
  for (const o of tape.ops) {
    if (VIEW_OPS.has(o.op) || o.op === 'setitem' || o.params?.inPlace === true) {
      const r = roots.get(o.inputs[0]);
      if (r) roots.set(o.output, r);
      else roots.delete(o.output);
    } else roots.delete(o.output);
  }
  return roots;
}

/** The local-derivative text of an op, for explanations. */
export function localDerivative(opName: string): string | undefined {
  return RULES[opName]?.local;
}

// ------------------------------------------------------------------ reverse mode

export interface AutodiffTarget {
  /** The tape values that are this input (an argument read several ways, an attribute). */
  ids: number[];
  shape: number[];
}

export type TargetGradient =
  | { grad: NDArray; /** Is there a path from the input to a seeded output at all? */ connected: boolean }
  | { unavailable: string; op?: RawOp };

export interface AutodiffResult {
  grads: TargetGradient[];
  /** The `+ tiny` constants inside `log` treated as guards (only with `guards`). */
  guards: RawOp[];
}

/**
 * The gradient of Σ seeds·outputs with respect to each target, by reverse mode over `tape`.
 * `seeds` give the upstream gradient of tape values (the forward's outputs).
 */
export function backprop(tape: RawTape, seeds: { id: number; grad: NDArray }[], targets: AutodiffTarget[], opts: { guards?: boolean } = {}): AutodiffResult {
  const grads: TargetGradient[] = [];
  const guards: RawOp[] = [];
  // Bit masks of the targets each value depends on, 30 targets at a time.
  for (let start = 0; start < targets.length; start += 30) {
    const batch = targets.slice(start, start + 30);
    const r = backpropBatch(tape, seeds, batch, opts.guards === true);
    grads.push(...r.grads);
    for (const g of r.guards) if (!guards.includes(g)) guards.push(g);
  }
  return { grads, guards };
}

function backpropBatch(tape: RawTape, seeds: { id: number; grad: NDArray }[], targets: AutodiffTarget[], useGuards: boolean): AutodiffResult {
  const nv = tape.values.length;
  const deps = new Int32Array(nv);
  targets.forEach((t, k) => { for (const id of t.ids) deps[id] |= 1 << k; });
  for (const o of tape.ops) {
    if (ZERO_GRAD.has(o.op)) continue;
    let m = 0;
    for (const i of o.inputs) m |= deps[i];
    deps[o.output] |= m;
  }
  let seeded = 0;
  for (const s of seeds) seeded |= deps[s.id];

  const values = new Map<number, NDArray | null>();
  const valueOf = (id: number): NDArray | null => {
    if (!values.has(id)) values.set(id, toFloat(tape.values[id].value));
    return values.get(id) ?? null;
  };
  // Gradients accumulated per value; `owned` ones are buffers of this pass, added into in place.
  const acc = new Map<number, { g: NDArray; owned: boolean }>();
  const add = (id: number, g: NDArray | Sparse, fresh: boolean) => {
    const cur = acc.get(id);
    if (g instanceof Sparse) {
      let target = cur;
      if (!target || !target.owned) {
        const base = cur ? dense(cur.g) : zerosLike(g.shape);
        target = { g: base, owned: true };
        acc.set(id, target);
      }
      const d = target.g.data;
      for (let k = 0; k < g.positions.length; k++) d[g.positions[k]] += g.values[k];
      return;
    }
    if (!cur) { acc.set(id, { g, owned: fresh && isDense(g) }); return; }
    if (cur.owned && sameShape(cur.g.shape, g.shape)) {
      const d = cur.g.data;
      const x = g.toFlat();
      for (let i = 0; i < d.length; i++) d[i] += x[i];
      return;
    }
    acc.set(id, { g: dense(addA(cur.g, g)), owned: true });
  };
  for (const s of seeds) if (deps[s.id]) add(s.id, s.grad, false);

  const unavailable = new Map<number, { text: string; op?: RawOp }>();
  const fail = (mask: number, text: string, o?: RawOp) => {
    for (let k = 0; k < targets.length; k++) if (mask & (1 << k) && !unavailable.has(k)) unavailable.set(k, { text, op: o });
  };
  const guardsUsed: RawOp[] = [];

  for (let j = tape.ops.length - 1; j >= 0; j--) {
    const o = tape.ops[j];
    const entry = acc.get(o.output);
    if (!entry) continue;
    const g = entry.g;
    const needs = o.inputs.map((i) => deps[i] !== 0);
    if (!needs.some(Boolean) || ZERO_GRAD.has(o.op)) continue;
    let mask = 0;
    o.inputs.forEach((i) => { mask |= deps[i]; });
    const rule = RULES[o.op];
    const where = `\`${o.op}\` at line ${o.span.line}`;
    if (!rule) { fail(mask, `the lens has no derivative rule for the operation ${where}`, o); continue; }
    const xs = o.inputs.map(valueOf);
    const out = valueOf(o.output);
    if (xs.some((x, i) => needs[i] && !x) || !out || xs.some((x) => !x)) { fail(mask, `a value of the operation ${where} is not numeric`, o); continue; }
    const inputs = xs as NDArray[];
    const params = o.params ?? {};
    try {
      if (rule.forward) {
        const again = rule.forward(inputs, params);
        if (!closeTo(again, out)) { fail(mask, `the lens does not reproduce the operation ${where} from its recorded inputs`, o); continue; }
      }
      const same = sameShape(g.shape, out.shape);
      // The output's gradient is complete here and read by no one else: the rule may write into it.
      const ctx: VjpContext = { op: o, tape, needs, guards: useGuards, guardsUsed, gOwned: same && entry.owned };
      const gIn = same ? g : dense(g.broadcastTo(out.shape));
      const gi = rule.vjp(gIn, inputs, out, params, ctx);
      acc.delete(o.output);
      // A rule may hand back the upstream gradient itself (copy, astype, add without broadcasting):
      // its buffer then passes to one input at most.
      let handedOver = false;
      o.inputs.forEach((id, i) => {
        const d = gi[i];
        if (!needs[i] || !d) return;
        if (!sameShape(d.shape, inputs[i].shape)) throw new Unsupported(`gradient shape (${d.shape}) for an input of shape (${inputs[i].shape})`);
        const upstream = d instanceof NDArray && d.data === gIn.data;
        const owned = upstream ? ctx.gOwned && !handedOver : true;
        if (upstream && owned) handedOver = true;
        add(id, d, owned);
      });
    } catch (e) {
      fail(mask, `the lens could not differentiate the operation ${where}${e instanceof Error && e.message ? ` (${e.message})` : ''}`, o);
    }
  }

  const grads: TargetGradient[] = targets.map((t, k) => {
    const u = unavailable.get(k);
    if (u) return { unavailable: u.text, op: u.op };
    let total: NDArray | null = null;
    for (const id of t.ids) {
      const g = acc.get(id)?.g;
      if (g) total = total ? addA(total, g) : g;
    }
    const connected = (seeded & (1 << k)) !== 0;
    if (!total) return { grad: zerosLike(t.shape), connected };
    return { grad: sameShape(total.shape, t.shape) ? dense(total) : sumTo(total, t.shape), connected };
  });
  return { grads, guards: guardsUsed };
}

function closeTo(a: NDArray, b: NDArray): boolean {
  if (a.size !== b.size) return false;
  if (!sameShape(a.shape, b.shape) && !(a.size === 1 && b.size === 1)) return false;
  const x = a.toFlat();
  const y = b.toFlat();
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (p === q || (Number.isNaN(p) && Number.isNaN(q))) continue;
    if (!(Math.abs(p - q) <= 1e-9 * Math.max(Math.abs(p), Math.abs(q)))) return false;
  }
  return true;
}
