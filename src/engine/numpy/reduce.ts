// Reductions (sum, prod, max, min, mean, var, std, argmax, argmin, all, any, cumsum) that follow
// NumPy 1.24's iteration order, so float sums round exactly like NumPy: pairwise summation
// (loops_utils.h.src) when the innermost iterated axis is reduced, row-by-row accumulation
// otherwise.

import { DType, NumpyError, WarningSink } from './types';
import { NDArray, allocData, cStrides, normalizeAxis, offsetTable, shapeSize } from './core';
import { bestAxisOrder, stridesForOrder } from './layout';
import { binary, unary } from './ufuncs';

export type ReduceOp = 'sum' | 'prod' | 'max' | 'min' | 'mean' | 'argmax' | 'argmin' | 'all' | 'any' | 'std' | 'var' | 'cumsum';

const PW_BLOCKSIZE = 128;

/** NumPy's DOUBLE_pairwise_sum. */
export function pairwiseSum(d: Float64Array, off: number, n: number, s: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += d[off + i * s];
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = d[off];
    let r1 = d[off + s];
    let r2 = d[off + 2 * s];
    let r3 = d[off + 3 * s];
    let r4 = d[off + 4 * s];
    let r5 = d[off + 5 * s];
    let r6 = d[off + 6 * s];
    let r7 = d[off + 7 * s];
    const m = n - (n % 8);
    let i = 8;
    for (; i < m; i += 8) {
      const p = off + i * s;
      r0 += d[p];
      r1 += d[p + s];
      r2 += d[p + 2 * s];
      r3 += d[p + 3 * s];
      r4 += d[p + 4 * s];
      r5 += d[p + 5 * s];
      r6 += d[p + 6 * s];
      r7 += d[p + 7 * s];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += d[off + i * s];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(d, off, n2, s) + pairwiseSum(d, off + n2 * s, n - n2, s);
}

/** NumPy's FLOAT_pairwise_sum: the same tree with float32 accumulators. */
export function pairwiseSum32(d: Float64Array, off: number, n: number, s: number): number {
  const f = Math.fround;
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = f(res + d[off + i * s]);
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = d[off];
    let r1 = d[off + s];
    let r2 = d[off + 2 * s];
    let r3 = d[off + 3 * s];
    let r4 = d[off + 4 * s];
    let r5 = d[off + 5 * s];
    let r6 = d[off + 6 * s];
    let r7 = d[off + 7 * s];
    const m = n - (n % 8);
    let i = 8;
    for (; i < m; i += 8) {
      const p = off + i * s;
      r0 = f(r0 + d[p]);
      r1 = f(r1 + d[p + s]);
      r2 = f(r2 + d[p + 2 * s]);
      r3 = f(r3 + d[p + 3 * s]);
      r4 = f(r4 + d[p + 4 * s]);
      r5 = f(r5 + d[p + 5 * s]);
      r6 = f(r6 + d[p + 6 * s]);
      r7 = f(r7 + d[p + 7 * s]);
    }
    let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) res = f(res + d[off + i * s]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwiseSum32(d, off, n2, s) + pairwiseSum32(d, off + n2 * s, n - n2, s));
}

/** Normalised, de-duplicated reduction axes as flags. */
function axisFlags(axis: number | number[] | null, ndim: number): boolean[] {
  const flags = new Array<boolean>(ndim).fill(axis === null);
  if (axis === null) return flags;
  const list = typeof axis === 'number' ? [axis] : axis;
  for (const ax of list) {
    const a = normalizeAxis(ax, ndim);
    if (flags[a]) throw new NumpyError('ValueError', "duplicate value in 'axis'");
    flags[a] = true;
  }
  return flags;
}

type Kind = 'add' | 'add32' | 'mul' | 'mul32' | 'imul' | 'max' | 'min' | 'and' | 'or';

/** NumPy's default ufunc buffer size: reductions feed the inner loop at most this many elements. */
const BUFSIZE = 8192;

interface Plan {
  /** result shape with the reduced axes kept as 1 */
  keepShape: number[];
  outStrides: number[];
  outSize: number;
  count: number;
  /** coalesced outer loop dims (outer -> inner): sizes, input strides, output strides */
  dims: number[];
  inStrides: number[];
  outLoopStrides: number[];
  /** the innermost run of reduced dims (coalesced), iterated as one block per outer position */
  blockShape: number[];
  blockStrides: number[];
  blockSize: number;
}

/**
 * The iteration NumPy's buffered reduction iterator performs: K order by input strides, size-1
 * dims dropped, dims coalesced. When the innermost dims are reduced they form blocks (one output
 * element each) that the inner loop receives in chunks of BUFSIZE from the block start.
 */
function plan(a: NDArray, flags: boolean[]): Plan {
  const nd = a.ndim;
  const keepShape = new Array<number>(nd);
  let count = 1;
  for (let i = 0; i < nd; i++) {
    const n = a.shape[i];
    keepShape[i] = flags[i] ? 1 : n;
    if (flags[i]) count *= n;
  }
  // C order for C-contiguous inputs (stridesForOrder of the identity order is cStrides)
  const cc = a.isCContiguous();
  const order = cc ? null : bestAxisOrder(a.shape, [a.strides]);
  const perm: number[] = [];
  for (let k = 0; k < nd; k++) {
    const ax = order === null ? k : order[k];
    if (a.shape[ax] !== 1) perm.push(ax);
  }
  const outStrides = order === null ? cStrides(keepShape) : stridesForOrder(keepShape, order);
  // split off the trailing reduced axes
  let split = perm.length;
  while (split > 0 && flags[perm[split - 1]]) split--;
  const blockShape: number[] = [];
  const blockStrides: number[] = [];
  for (let k = split; k < perm.length; k++) {
    const ax = perm[k];
    const n = a.shape[ax];
    const st = a.strides[ax];
    const j = blockShape.length - 1;
    if (j >= 0 && blockStrides[j] === st * n) {
      blockShape[j] *= n;
      blockStrides[j] = st;
    } else {
      blockShape.push(n);
      blockStrides.push(st);
    }
  }
  const dims: number[] = [];
  const ist: number[] = [];
  const ost: number[] = [];
  const red: boolean[] = [];
  for (let k = 0; k < split; k++) {
    const ax = perm[k];
    const n = a.shape[ax];
    const s = a.strides[ax];
    const os = flags[ax] ? 0 : outStrides[ax];
    const j = dims.length - 1;
    if (j >= 0 && red[j] === flags[ax] && ist[j] === s * n && ost[j] === os * n) {
      dims[j] *= n;
      ist[j] = s;
      ost[j] = os;
    } else {
      dims.push(n);
      ist.push(s);
      ost.push(os);
      red.push(flags[ax]);
    }
  }
  return {
    keepShape,
    outStrides,
    outSize: shapeSize(keepShape),
    count,
    dims,
    inStrides: ist,
    outLoopStrides: ost,
    blockShape,
    blockStrides,
    blockSize: shapeSize(blockShape),
  };
}

/** One block (the reduced inner dims of one output element), fed in chunks of BUFSIZE. */
function runBlock(
  k: Kind,
  d: Float64Array,
  ii: number,
  bs: number,
  bn: number,
  table: Float64Array | null,
  buf: Float64Array | null,
  out: Float64Array,
  oi: number,
): void {
  let src = d;
  let off = ii;
  let s = bs;
  if (buf !== null && table !== null) {
    for (let i = 0; i < bn; i++) buf[i] = d[ii + table[i]];
    src = buf;
    off = 0;
    s = 1;
  }
  let acc = out[oi];
  for (let c = 0; c < bn; c += BUFSIZE) {
    const len = bn - c < BUFSIZE ? bn - c : BUFSIZE;
    acc = reduceRun(k, acc, src, off + c * s, len, s);
  }
  out[oi] = acc;
}

/** Runs a reduction of kind `k` with NumPy's iteration; out must hold the initial values. */
function runReduce(k: Kind, a: NDArray, p: Plan, out: Float64Array): void {
  const { dims, inStrides: ist, outLoopStrides: ost } = p;
  if (a.size === 0) return;
  const d = a.data;
  const nd = dims.length;
  const hasBlock = p.blockShape.length > 0;
  // block access: a single stride, or a gathered copy through an offset table
  const single = p.blockShape.length === 1;
  const bn = p.blockSize;
  const bs = single ? p.blockStrides[0] : 1;
  const table = hasBlock && !single ? offsetTable(p.blockShape, p.blockStrides) : null;
  const buf = table !== null ? allocData(bn) : null;
  if (nd === 0) {
    if (hasBlock) runBlock(k, d, a.offset, bs, bn, table, buf, out, 0);
    else out[0] = combine(k, out[0], d[a.offset]);
    return;
  }
  if (hasBlock) {
    // odometer over all outer dims, one block each
    const idx = new Array<number>(nd).fill(0);
    let ii = a.offset;
    let oi = 0;
    const outer = a.size / bn;
    for (let r = 0; r < outer; r++) {
      runBlock(k, d, ii, bs, bn, table, buf, out, oi);
      for (let q = nd - 1; q >= 0; q--) {
        idx[q]++;
        ii += ist[q];
        oi += ost[q];
        if (idx[q] < dims[q]) break;
        ii -= ist[q] * dims[q];
        oi -= ost[q] * dims[q];
        idx[q] = 0;
      }
    }
    return;
  }
  // innermost dim kept: element-wise accumulation in iteration order
  const n = dims[nd - 1];
  const is = ist[nd - 1];
  const os = ost[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let ii = a.offset;
  let oi = 0;
  const outer = a.size / n;
  for (let r = 0; r < outer; r++) {
    elementwise(k, out, oi, os, d, ii, is, n);
    for (let q = nd - 2; q >= 0; q--) {
      idx[q]++;
      ii += ist[q];
      oi += ost[q];
      if (idx[q] < dims[q]) break;
      ii -= ist[q] * dims[q];
      oi -= ost[q] * dims[q];
      idx[q] = 0;
    }
  }
}

function combine(k: Kind, acc: number, x: number): number {
  switch (k) {
    case 'add':
      return acc + x;
    case 'add32':
      return Math.fround(acc + x);
    case 'mul':
      return acc * x;
    case 'mul32':
      return Math.fround(acc * x);
    case 'imul':
      return imul64(acc, x);
    case 'max':
      return acc !== acc ? acc : x !== x ? x : x > acc ? x : acc;
    case 'min':
      return acc !== acc ? acc : x !== x ? x : x < acc ? x : acc;
    case 'and':
      return acc !== 0 && x !== 0 ? 1 : 0;
    case 'or':
      return acc !== 0 || x !== 0 ? 1 : 0;
  }
}

/** The binary-reduce inner loop over a reduced run of n elements. */
function reduceRun(k: Kind, acc: number, d: Float64Array, off: number, n: number, s: number): number {
  switch (k) {
    case 'add':
      return acc + pairwiseSum(d, off, n, s);
    case 'add32':
      return Math.fround(acc + pairwiseSum32(d, off, n, s));
    case 'mul':
      for (let i = 0; i < n; i++) acc *= d[off + i * s];
      return acc;
    case 'mul32':
      for (let i = 0; i < n; i++) acc = Math.fround(acc * d[off + i * s]);
      return acc;
    case 'imul':
      for (let i = 0; i < n; i++) acc = imul64(acc, d[off + i * s]);
      return acc;
    case 'max':
      for (let i = 0; i < n; i++) {
        const x = d[off + i * s];
        if (x !== x) return x;
        if (x > acc) acc = x;
      }
      return acc;
    case 'min':
      for (let i = 0; i < n; i++) {
        const x = d[off + i * s];
        if (x !== x) return x;
        if (x < acc) acc = x;
      }
      return acc;
    case 'and':
      if (acc === 0) return 0;
      for (let i = 0; i < n; i++) if (d[off + i * s] === 0) return 0;
      return 1;
    case 'or':
      if (acc !== 0) return 1;
      for (let i = 0; i < n; i++) if (d[off + i * s] !== 0) return 1;
      return 0;
  }
}

/** int64 multiplication with wrap-around. */
function imul64(x: number, y: number): number {
  const r = x * y;
  if (r < 9007199254740992 && r > -9007199254740992) return r + 0;
  return Number(BigInt.asIntN(64, BigInt(x) * BigInt(y)));
}

function elementwise(k: Kind, out: Float64Array, oi: number, os: number, d: Float64Array, ii: number, is: number, n: number): void {
  switch (k) {
    case 'add':
      for (let j = 0; j < n; j++) out[oi + j * os] += d[ii + j * is];
      return;
    case 'mul':
      for (let j = 0; j < n; j++) out[oi + j * os] *= d[ii + j * is];
      return;
    default:
      for (let j = 0; j < n; j++) out[oi + j * os] = combine(k, out[oi + j * os], d[ii + j * is]);
  }
}

function finish(data: Float64Array, p: Plan, flags: boolean[], keepdims: boolean, dtype: DType): NDArray {
  if (keepdims) return new NDArray(data, p.keepShape, p.outStrides, 0, dtype, null);
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) {
      shape.push(p.keepShape[i]);
      strides.push(p.outStrides[i]);
    }
  }
  return new NDArray(data, shape, strides, 0, dtype, null);
}

/** np.add.reduce with the given accumulation dtype. */
function addReduce(a: NDArray, flags: boolean[], keepdims: boolean, dtype: DType, warn?: WarningSink): NDArray {
  const p = plan(a, flags);
  const out = allocData(p.outSize, p.keepShape, dtype);
  runReduce(dtype === 'float32' ? 'add32' : 'add', a, p, out);
  if (dtype === 'int64') wrapAll(out);
  else checkReduceFlags(a, out, warn);
  return finish(out, p, flags, keepdims, dtype);
}

/** "overflow/invalid value encountered in reduce" for float sums and products. */
function checkReduceFlags(a: NDArray, out: Float64Array, warn?: WarningSink): void {
  if (!warn) return;
  let nonFinite = false;
  let hasNaN = false;
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (v - v !== 0) {
      nonFinite = true;
      if (v !== v) hasNaN = true;
    }
  }
  if (!nonFinite) return;
  const src = a.toFlat();
  let inNaN = false;
  let inInf = false;
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (v !== v) inNaN = true;
    else if (v === Infinity || v === -Infinity) inInf = true;
  }
  const overflow = !inInf && !inNaN ? true : !inInf && !hasNaN;
  const invalid = hasNaN && !inNaN;
  if (overflow && !inInf) warn('RuntimeWarning', 'overflow encountered in reduce');
  if (invalid) warn('RuntimeWarning', 'invalid value encountered in reduce');
}

function wrapAll(out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (v >= 9223372036854775808 || v < -9223372036854775808) out[i] = Number(BigInt.asIntN(64, BigInt(v)));
  }
}

const OP_NAMES: Record<string, string> = { max: 'maximum', min: 'minimum' };

/** Accumulator dtype of sum/prod/cumsum. */
function sumDtype(d: DType): DType {
  return d === 'bool' ? 'int64' : d;
}

function meanDtype(d: DType): DType {
  return d === 'bool' || d === 'int64' ? 'float64' : d;
}

/** Divides in the dtype of `x` (true_divide(x, n, out=x, casting='unsafe')). */
function divideBy(x: NDArray, n: number, scalarResult: boolean, warn?: WarningSink): NDArray {
  return binary(
    'true_divide',
    // float64 scalars divide with scalar math ("scalar divide"); float32 ones go through the ufunc
    { array: x, weak: false, scalar: scalarResult && x.dtype === 'float64' },
    { array: NDArray.scalar(n, 'int64'), weak: true, scalar: true },
    x, // out=ret: the quotient is stored back in the sum's dtype
    warn,
  );
}

/**
 * A reduction over `axis` (null = all axes). Always returns an array (0-d for full reductions).
 * `warn` receives NumPy's RuntimeWarnings ("Mean of empty slice.", ...).
 */
export function reduce(
  op: ReduceOp,
  a: NDArray,
  axis: number | number[] | null,
  keepdims: boolean,
  ddof = 0,
  warn?: WarningSink,
): NDArray {
  const nd = a.ndim;
  switch (op) {
    case 'argmax':
    case 'argmin':
      if (Array.isArray(axis)) throw new NumpyError('TypeError', "'tuple' object cannot be interpreted as an integer");
      return argReduce(op, a, axis, keepdims);
    case 'cumsum':
      if (Array.isArray(axis)) throw new NumpyError('TypeError', "'tuple' object cannot be interpreted as an integer");
      return cumsum(a, axis);
    default:
      break;
  }
  const flags = axisFlags(axis, nd);
  switch (op) {
    case 'sum':
      return addReduce(a, flags, keepdims, sumDtype(a.dtype), warn);
    case 'prod': {
      const dt = sumDtype(a.dtype);
      const p = plan(a, flags);
      const out = allocData(p.outSize, p.keepShape, dt).fill(1);
      runReduce(dt === 'float32' ? 'mul32' : dt === 'int64' ? 'imul' : 'mul', a, p, out);
      if (dt !== 'int64') checkReduceFlags(a, out, warn);
      return finish(out, p, flags, keepdims, dt);
    }
    case 'max':
    case 'min': {
      const p = plan(a, flags);
      if (p.count === 0 && p.outSize > 0) {
        throw new NumpyError('ValueError', `zero-size array to reduction operation ${OP_NAMES[op]} which has no identity`);
      }
      const out = allocData(p.outSize, p.keepShape, a.dtype).fill(op === 'max' ? -Infinity : Infinity);
      runReduce(op, a, p, out);
      return finish(out, p, flags, keepdims, a.dtype);
    }
    case 'all':
    case 'any': {
      const p = plan(a, flags);
      const out = allocData(p.outSize, p.keepShape, 'bool').fill(op === 'all' ? 1 : 0);
      runReduce(op === 'all' ? 'and' : 'or', a, p, out);
      return finish(out, p, flags, keepdims, 'bool');
    }
    case 'mean': {
      const count = countOf(a, flags);
      if (count === 0 && warn) warn('RuntimeWarning', 'Mean of empty slice.');
      const s = addReduce(a, flags, keepdims, meanDtype(a.dtype), warn);
      return divideBy(s, count, s.ndim === 0, warn);
    }
    case 'var':
    case 'std': {
      const v = variance(a, flags, keepdims, ddof, warn);
      if (op === 'var') return v;
      return unary('sqrt', { array: v, weak: false }, warn);
    }
    default:
      throw new NumpyError('ValueError', `unknown reduction ${op}`);
  }
}

function countOf(a: NDArray, flags: boolean[]): number {
  let c = 1;
  for (let i = 0; i < a.ndim; i++) if (flags[i]) c *= a.shape[i];
  return c;
}

/** numpy/core/_methods.py _var. */
function variance(a: NDArray, flags: boolean[], keepdims: boolean, ddof: number, warn?: WarningSink): NDArray {
  const count = countOf(a, flags);
  if (ddof >= count && warn) warn('RuntimeWarning', 'Degrees of freedom <= 0 for slice');
  const dt = meanDtype(a.dtype);
  const arrmean = divideBy(addReduce(a, flags, true, dt), count, false, warn);
  const x = binary('subtract', { array: a, weak: false }, { array: arrmean, weak: false });
  const sq = binary('multiply', { array: x, weak: false }, { array: x, weak: false });
  const ret = addReduce(sq, flags, keepdims, dt);
  const dof = Math.max(count - ddof, 0);
  return divideBy(ret, dof, ret.ndim === 0, warn);
}

/** np.average without weights: the mean. */
export function average(a: NDArray, axis: number | number[] | null, warn?: WarningSink): NDArray {
  return reduce('mean', a, axis, false, 0, warn);
}

function argReduce(op: 'argmax' | 'argmin', a: NDArray, axis: number | null, keepdims: boolean): NDArray {
  if (axis === null) {
    if (a.size === 0) throw new NumpyError('ValueError', `attempt to get ${op} of an empty sequence`);
    const flat = a.toFlat();
    const r = argOf(op, flat, 0, flat.length, 1);
    const shape = keepdims ? a.shape.map(() => 1) : [];
    return NDArray.fromFlat([r], shape, 'int64');
  }
  const nd = a.ndim;
  const ax = normalizeAxis(axis, nd);
  const n = a.shape[ax];
  const outShape: number[] = [];
  const otherStrides: number[] = [];
  for (let i = 0; i < nd; i++) {
    if (i === ax) continue;
    outShape.push(a.shape[i]);
    otherStrides.push(a.strides[i]);
  }
  const outSize = shapeSize(outShape);
  if (n === 0 && outSize > 0) throw new NumpyError('ValueError', `attempt to get ${op} of an empty sequence`);
  const out = allocData(outSize, outShape, 'int64');
  // iterate over the other axes in C order
  const s = a.strides[ax];
  const d = a.data;
  const max = op === 'argmax';
  const no = outShape.length;
  if (no === 1) {
    const os = otherStrides[0];
    for (let k = 0, off = a.offset; k < outSize; k++, off += os) out[k] = max ? argMax(d, off, n, s) : argMin(d, off, n, s);
  } else {
    const idx = new Array<number>(no).fill(0);
    let off = a.offset;
    for (let k = 0; k < outSize; k++) {
      out[k] = max ? argMax(d, off, n, s) : argMin(d, off, n, s);
      for (let q = no - 1; q >= 0; q--) {
        idx[q]++;
        off += otherStrides[q];
        if (idx[q] < outShape[q]) break;
        off -= otherStrides[q] * outShape[q];
        idx[q] = 0;
      }
    }
  }
  let shape = outShape;
  if (keepdims) {
    shape = a.shape.slice();
    shape[ax] = 1;
  }
  return NDArray.fromData(out, shape, 'int64');
}

/** First index of the max/min; the first NaN wins. */
function argOf(op: 'argmax' | 'argmin', d: Float64Array, off: number, n: number, s: number): number {
  return op === 'argmax' ? argMax(d, off, n, s) : argMin(d, off, n, s);
}

function argMax(d: Float64Array, off: number, n: number, s: number): number {
  let best = d[off];
  let bi = 0;
  if (best !== best) return 0;
  for (let i = 1, p = off + s; i < n; i++, p += s) {
    const x = d[p];
    if (x !== x) return i;
    if (x > best) {
      best = x;
      bi = i;
    }
  }
  return bi;
}

function argMin(d: Float64Array, off: number, n: number, s: number): number {
  let best = d[off];
  let bi = 0;
  if (best !== best) return 0;
  for (let i = 1, p = off + s; i < n; i++, p += s) {
    const x = d[p];
    if (x !== x) return i;
    if (x < best) {
      best = x;
      bi = i;
    }
  }
  return bi;
}

function cumsum(a: NDArray, axis: number | null): NDArray {
  const dt = sumDtype(a.dtype);
  const src = axis === null ? a.ravel() : a;
  const ax = axis === null ? 0 : normalizeAxis(axis, a.ndim);
  const shape = src.shape.slice();
  const out = allocData(shapeSize(shape), shape, dt);
  const flat = src.toFlat();
  const cs = cStrides(shape);
  const n = shape[ax];
  const step = cs[ax];
  const outer = shape.slice(0, ax).reduce((x, y) => x * y, 1);
  const inner = step;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let acc = 0;
      let p = o * n * inner + i;
      for (let j = 0; j < n; j++, p += step) {
        acc = dt === 'float32' ? Math.fround(acc + flat[p]) : acc + flat[p];
        out[p] = acc;
      }
    }
  }
  if (dt === 'int64') wrapAll(out);
  return NDArray.fromData(out, shape, dt);
}
