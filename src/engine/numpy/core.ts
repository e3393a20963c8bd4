// The NDArray data model of the NumPy subset: a strided view over a Float64Array.
// Every dtype is stored as float64 values (bool as 0/1, int64 as integral values,
// float32 values rounded with Math.fround on every store). Views share `data`.
//
// Semantics follow NumPy 1.24 (checked against /usr/bin/python3 + numpy 1.24.2).

import { DType, NumpyError, NumpyErrorType, WarningSink } from './types';

// ---------------------------------------------------------------------------
// Errors whose printed Python class is not the plain `pyType`.

/**
 * An error whose printed Python class differs from `pyType` (the class it derives from or
 * should be mapped to): `qualName` is what Python prints, e.g. `ZeroDivisionError`.
 */
export class QualifiedNumpyError extends NumpyError {
  constructor(pyType: NumpyErrorType, readonly qualName: string, message: string) {
    super(pyType, message);
  }
}

/**
 * A TypeError whose printed class is not plain `TypeError`, e.g.
 * `numpy.core._exceptions._UFuncOutputCastingError` or `numpy.core._exceptions._UFuncNoLoopError`
 * (both are subclasses of `numpy.core._exceptions.UFuncTypeError` < `TypeError`).
 */
export class UFuncTypeError extends QualifiedNumpyError {
  constructor(qualName: string, message: string) {
    super('TypeError', qualName, message);
  }
}

// ---------------------------------------------------------------------------
// Allocation guard

let allocationGuard: ((n: number) => void) | null = null;

/** Installs the hook called with the element count before every array allocation (null removes it). */
export function setAllocationGuard(fn: ((n: number) => void) | null): void {
  allocationGuard = fn;
}

/** Calls the allocation hook (if any) for an allocation of `n` elements. */
export function maxElementsGuard(n: number): void {
  if (allocationGuard !== null) allocationGuard(n);
}

const ITEMSIZE: Record<DType, number> = { float64: 8, float32: 4, int64: 8, bool: 1 };

/** NumPy's `_size_to_string` for the MemoryError message. */
function sizeToString(numBytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  const bitLength = numBytes <= 0 ? 0 : Math.floor(Math.log2(numBytes)) + 1;
  let unitI = Math.floor(Math.max(bitLength - 1, 1) / 10);
  let nUnits = numBytes / 2 ** (unitI * 10);
  if (Math.round(nUnits) === 1024) {
    unitI += 1;
    nUnits /= 1024;
  }
  if (unitI >= units.length) {
    nUnits *= 2 ** ((unitI - (units.length - 1)) * 10);
    unitI = units.length - 1;
  }
  if (unitI === 0) return `${nUnits.toFixed(0)} ${units[0]}`;
  if (Math.round(nUnits) < 1000) {
    // '{:#.3g}'
    const digits = nUnits >= 100 ? 0 : nUnits >= 10 ? 1 : 2;
    let s = nUnits.toFixed(digits);
    if (digits === 0) s += '.';
    return `${s} ${units[unitI]}`;
  }
  return `${nUnits.toFixed(0)}. ${units[unitI]}`;
}

const MAX_ELEMENTS = 2 ** 31;

/** Allocates the storage of an array of `shape` (the guard sees the element count). */
export function allocFor(shape: readonly number[], dtype: DType): Float64Array {
  let n = 1;
  for (const d of shape) {
    if (d < 0) throw new NumpyError('ValueError', 'negative dimensions are not allowed');
    n *= d;
  }
  return allocData(n, shape, dtype);
}

export function allocData(n: number, shape?: readonly number[], dtype: DType = 'float64'): Float64Array {
  if (allocationGuard !== null) allocationGuard(n);
  if (n > MAX_ELEMENTS) {
    const sh = shape ?? [n];
    throw new NumpyError(
      'MemoryError',
      `Unable to allocate ${sizeToString(n * ITEMSIZE[dtype])} for an array with shape ${pyTupleStr(sh)} and data type ${dtype}`,
    );
  }
  return n > SLAB_MIN && n <= SLAB_MAX ? slabAlloc(n) : new Float64Array(n);
}

// V8 keeps typed arrays of up to 64 bytes on its heap; larger ones get a backing store of their
// own, which costs ~2 µs each (allocation plus GC pressure). A forward pass makes many arrays of
// a few hundred elements, so those are carved out of shared 128 KB slabs instead (~0.1 µs).
// A slab lives as long as any array carved from it, which bounds the memory one long-lived small
// array can hold on to.
const SLAB_MIN = 8;
const SLAB_MAX = 1024;
const SLAB_ELEMENTS = 16384;
let slab = new ArrayBuffer(0);
let slabUsed = 0;

function slabAlloc(n: number): Float64Array {
  if (slabUsed + n > SLAB_ELEMENTS || slab.byteLength === 0) {
    slab = new ArrayBuffer(SLAB_ELEMENTS * 8);
    slabUsed = 0;
  }
  const a = new Float64Array(slab, slabUsed * 8, n);
  slabUsed += n;
  return a;
}

// ---------------------------------------------------------------------------
// Shape helpers and message formatting

/** `(5, 3)`, `(4,)`, `()` like Python's tuple repr. */
export function pyTupleStr(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/** NumPy's compact form `(5,3)`, `(4,)`, `()` used in broadcast and dot messages. */
export function compactShapeStr(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(',')})`;
}

/**
 * NumPy's `convert_shape_to_string`: negative entries print as `newaxis`, leading ones are
 * dropped, and only a single remaining entry gets the trailing comma.
 */
export function newaxisShapeStr(vals: readonly number[], ending = ''): string {
  let i = 0;
  while (i < vals.length && vals[i] < 0) i++;
  if (i === vals.length) return `()${ending}`;
  let s = String(vals[i++]);
  for (; i < vals.length; i++) s += vals[i] < 0 ? ',newaxis' : `,${vals[i]}`;
  if (vals.length === 1) return `(${s},)${ending}`;
  return `(${s})${ending}`;
}

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

export function cStrides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= shape[i] === 0 ? 1 : shape[i];
  }
  return st;
}

export function shapesEqual(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Normalises an axis (numpy.AxisError "axis 2 is out of bounds for array of dimension 2"). */
export function normalizeAxis(axis: number, ndim: number): number {
  if (axis < -ndim || axis >= ndim) {
    throw new NumpyError('numpy.AxisError', `axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Broadcast shape of several shapes; throws the ufunc message (compact shapes, trailing space). */
export function broadcastShapesUfunc(shapes: readonly (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of shapes) if (s.length > nd) nd = s.length;
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const off = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[off + i];
      if (d === o || d === 1) continue;
      if (o === 1) out[off + i] = d;
      else {
        throw new NumpyError(
          'ValueError',
          `operands could not be broadcast together with shapes ${shapes.map((x) => compactShapeStr(x) + ' ').join('')}`,
        );
      }
    }
  }
  return out;
}

/** np.broadcast_shapes: its own message (Python tuple reprs). */
export function broadcastShapes(...shapes: number[][]): number[] {
  let nd = 0;
  for (const s of shapes) if (s.length > nd) nd = s.length;
  const out = new Array<number>(nd).fill(1);
  const owner = new Array<number>(nd).fill(-1);
  for (let k = 0; k < shapes.length; k++) {
    const s = shapes[k];
    const off = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[off + i];
      if (d === o || d === 1) continue;
      if (o === 1) {
        out[off + i] = d;
        owner[off + i] = k;
      } else {
        const j = owner[off + i];
        throw new NumpyError(
          'ValueError',
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${j} with shape ${pyTupleStr(shapes[j])} and arg ${k} with shape ${pyTupleStr(s)}.`,
        );
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Multi-index stepping (np.nditer / np.ndindex helpers)

/** Advances a C-order multi-index in place; returns false after the last index. */
export function nextIndex(idx: number[], shape: readonly number[]): boolean {
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d]++;
    if (idx[d] < shape[d]) return true;
    idx[d] = 0;
  }
  return false;
}

/** All multi-indices of `shape` in C order (a fresh array each step). */
export function* multiIndices(shape: readonly number[]): Generator<number[]> {
  if (shapeSize(shape) === 0) return;
  const idx = new Array<number>(shape.length).fill(0);
  do {
    yield idx.slice();
  } while (nextIndex(idx, shape));
}

// ---------------------------------------------------------------------------
// Casting

const INT64_MIN = -9223372036854775808;
const TWO63 = 9223372036854775808;

export function castValue(v: number, dtype: DType): number {
  switch (dtype) {
    case 'float64':
      return v;
    case 'float32':
      return Math.fround(v);
    case 'int64':
      return toInt64(v);
    case 'bool':
      return v !== 0 ? 1 : 0;
  }
}

/** C cast of a double to int64 on x86: truncation, NaN/inf/out of range give INT64_MIN. */
export function toInt64(v: number): number {
  if (v >= -TWO63 && v < TWO63) {
    const t = Math.trunc(v);
    return t === 0 ? 0 : t;
  }
  return INT64_MIN;
}

/** Wraps an integral double into int64 range (two's complement), for integer overflow. */
export function wrapInt64(v: number): number {
  if (v >= -TWO63 && v < TWO63) return v;
  if (!Number.isFinite(v)) return INT64_MIN;
  return Number(BigInt.asIntN(64, BigInt(v)));
}

/** Casts `n` values from src (with stride) into dst, flagging NaN->int casts. Returns true if a cast was invalid. */
function castInto(dst: Float64Array, di: number, dtype: DType, v: number): boolean {
  switch (dtype) {
    case 'float64':
      dst[di] = v;
      return false;
    case 'float32':
      dst[di] = Math.fround(v);
      return false;
    case 'int64':
      if (v >= -TWO63 && v < TWO63) {
        const t = Math.trunc(v);
        dst[di] = t === 0 ? 0 : t;
        return false;
      }
      dst[di] = INT64_MIN;
      return true;
    case 'bool':
      dst[di] = v !== 0 ? 1 : 0;
      return false;
  }
}

// ---------------------------------------------------------------------------
// Strided copying helpers

/** Calls fn(offset) for each element of the strided layout in C order. Used only off the hot paths. */
export function forEachOffset(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  fn: (off: number, k: number) => void,
): void {
  const nd = shape.length;
  const size = shapeSize(shape);
  if (size === 0) return;
  if (nd === 0) {
    fn(offset, 0);
    return;
  }
  const idx = new Array<number>(nd).fill(0);
  let off = offset;
  const inner = shape[nd - 1];
  const is = strides[nd - 1];
  let k = 0;
  for (;;) {
    for (let i = 0; i < inner; i++) fn(off + i * is, k++);
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** Table of element offsets (relative) of a strided layout in C order. */
export function offsetTable(shape: readonly number[], strides: readonly number[]): Float64Array {
  const n = shapeSize(shape);
  const t = new Float64Array(n);
  const nd = shape.length;
  if (n === 0) return t;
  if (nd === 0) return t;
  const idx = new Array<number>(nd).fill(0);
  let off = 0;
  const inner = shape[nd - 1];
  const is = strides[nd - 1];
  let k = 0;
  for (;;) {
    for (let i = 0; i < inner; i++) t[k++] = off + i * is;
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return t;
  }
}

/** Copies the elements of a strided layout into dst (C order) starting at dst[di]. */
export function gather(
  src: Float64Array,
  offset: number,
  shape: readonly number[],
  strides: readonly number[],
  dst: Float64Array,
  di: number,
): void {
  const nd = shape.length;
  if (nd === 0) {
    dst[di] = src[offset];
    return;
  }
  const size = shapeSize(shape);
  if (size === 0) return;
  // coalesce trailing contiguous dims into the inner loop
  let inner = shape[nd - 1];
  const is = strides[nd - 1];
  let od = nd - 1;
  while (od > 0 && strides[od - 1] === is * inner) {
    inner *= shape[od - 1];
    od--;
  }
  if (od === 0) {
    if (is === 1) {
      dst.set(src.subarray(offset, offset + inner), di);
    } else {
      for (let i = 0, s = offset; i < inner; i++, s += is) dst[di + i] = src[s];
    }
    return;
  }
  const idx = new Array<number>(od).fill(0);
  let off = offset;
  let k = di;
  for (;;) {
    if (is === 1) {
      for (let i = 0; i < inner; i++) dst[k + i] = src[off + i];
    } else {
      for (let i = 0, s = off; i < inner; i++, s += is) dst[k + i] = src[s];
    }
    k += inner;
    let d = od - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** Writes C-ordered values (already of the target dtype) into a strided layout. */
export function scatter(
  values: Float64Array,
  vi: number,
  dst: Float64Array,
  offset: number,
  shape: readonly number[],
  strides: readonly number[],
): void {
  const nd = shape.length;
  if (nd === 0) {
    dst[offset] = values[vi];
    return;
  }
  const size = shapeSize(shape);
  if (size === 0) return;
  let inner = shape[nd - 1];
  const is = strides[nd - 1];
  let od = nd - 1;
  while (od > 0 && strides[od - 1] === is * inner) {
    inner *= shape[od - 1];
    od--;
  }
  if (od === 0) {
    if (is === 1) dst.set(values.subarray(vi, vi + inner), offset);
    else for (let i = 0, s = offset; i < inner; i++, s += is) dst[s] = values[vi + i];
    return;
  }
  const idx = new Array<number>(od).fill(0);
  let off = offset;
  let k = vi;
  for (;;) {
    for (let i = 0, s = off; i < inner; i++, s += is) dst[s] = values[k + i];
    k += inner;
    let d = od - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

// ---------------------------------------------------------------------------
// Index items

export type IndexItem =
  | { kind: 'int'; value: number }
  | { kind: 'slice'; start: number | null; stop: number | null; step: number | null }
  | { kind: 'newaxis' }
  | { kind: 'ellipsis' }
  | { kind: 'array'; array: NDArray };

/** Python's PySlice_AdjustIndices: returns [start, step, length]. */
export function adjustSlice(
  len: number,
  start: number | null,
  stop: number | null,
  step: number | null,
): [number, number, number] {
  const st = step === null ? 1 : step;
  if (st === 0) throw new NumpyError('ValueError', 'slice step cannot be zero');
  let s: number;
  let e: number;
  if (start === null) s = st < 0 ? len - 1 : 0;
  else {
    s = start;
    if (s < 0) {
      s += len;
      if (s < 0) s = st < 0 ? -1 : 0;
    } else if (s >= len) s = st < 0 ? len - 1 : len;
  }
  if (stop === null) e = st < 0 ? -1 : len;
  else {
    e = stop;
    if (e < 0) {
      e += len;
      if (e < 0) e = st < 0 ? -1 : 0;
    } else if (e >= len) e = st < 0 ? len - 1 : len;
  }
  let n = 0;
  if (st < 0) {
    if (e < s) n = Math.floor((s - e - 1) / -st) + 1;
  } else if (s < e) n = Math.floor((e - s - 1) / st) + 1;
  return [s, st, n];
}

interface AdvancedPlan {
  /** The array after basic indexing; advanced dims are kept whole. */
  view: NDArray;
  /** Result shape. */
  shape: number[];
  /** Offsets (relative to view.offset) of the leading non-advanced dims, of the broadcast index positions, of the trailing dims. */
  pre: Float64Array;
  adv: Float64Array;
  post: Float64Array;
  /** Single boolean mask index (for the special assignment message). */
  singleBool: boolean;
  bshape: number[];
}

// ---------------------------------------------------------------------------
// NDArray

export class NDArray {
  readonly dtype: DType;
  readonly shape: number[];
  readonly strides: number[];
  readonly offset: number;
  readonly data: Float64Array;
  readonly base: NDArray | null;
  private readonly _size: number;
  /** cached C-contiguity: 0 unknown, 1 yes, 2 no (shape and strides never change) */
  private _cc = 0;

  constructor(
    data: Float64Array,
    shape: number[],
    strides: number[],
    offset: number,
    dtype: DType,
    base: NDArray | null = null,
  ) {
    this.data = data;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    this.dtype = dtype;
    this.base = base;
    this._size = shapeSize(shape);
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return this._size;
  }

  get T(): NDArray {
    return this.transpose();
  }

  /** A new C-contiguous array owning `data` (no copy). */
  static fromData(data: Float64Array, shape: number[], dtype: DType): NDArray {
    return new NDArray(data, shape, cStrides(shape), 0, dtype, null);
  }

  static fromFlat(values: ArrayLike<number>, shape: number[], dtype: DType): NDArray {
    const n = shapeSize(shape);
    if (n !== values.length) {
      throw new NumpyError('ValueError', `cannot reshape array of size ${values.length} into shape ${newaxisShapeStr(shape)}`);
    }
    const data = allocFor(shape, dtype);
    switch (dtype) {
      case 'float64':
        for (let i = 0; i < n; i++) data[i] = values[i];
        break;
      case 'float32':
        for (let i = 0; i < n; i++) data[i] = Math.fround(values[i]);
        break;
      case 'int64':
        for (let i = 0; i < n; i++) data[i] = toInt64(values[i]);
        break;
      case 'bool':
        for (let i = 0; i < n; i++) data[i] = values[i] !== 0 ? 1 : 0;
        break;
    }
    return NDArray.fromData(data, shape.slice(), dtype);
  }

  static zeros(shape: number[], dtype: DType): NDArray {
    return NDArray.fromData(allocFor(shape, dtype), shape.slice(), dtype);
  }

  static full(shape: number[], value: number, dtype: DType): NDArray {
    const data = allocFor(shape, dtype);
    const v = castValue(value, dtype);
    if (v !== 0) data.fill(v);
    return NDArray.fromData(data, shape.slice(), dtype);
  }

  /** A 0-d array holding one value (cast to dtype). */
  static scalar(value: number, dtype: DType): NDArray {
    const data = allocData(1);
    data[0] = castValue(value, dtype);
    return new NDArray(data, [], [], 0, dtype, null);
  }

  /** np.arange: length ceil((stop - start) / step), values start + i*step. */
  static arange(start: number, stop: number, step: number, dtype: DType): NDArray {
    if (step === 0) throw new QualifiedNumpyError('ValueError', 'ZeroDivisionError', 'division by zero');
    let len = Math.ceil((stop - start) / step);
    if (!(len > 0)) len = 0;
    if (!Number.isFinite(len)) throw new NumpyError('ValueError', 'Maximum allowed size exceeded');
    const data = allocData(len, [len], dtype);
    // NumPy computes the first two values and then fills by repeated addition of delta
    // (PyArray_Arange / _fill): value[i] = start + i*delta
    if (dtype === 'int64') {
      for (let i = 0; i < len; i++) data[i] = toInt64(start + i * step);
    } else if (dtype === 'float32') {
      // FLOAT_fill: buffer[0], buffer[1] stored as float32, then start + i*delta in float32
      const s0 = Math.fround(start);
      const delta = Math.fround(Math.fround(start + step) - s0);
      if (len > 0) data[0] = s0;
      if (len > 1) data[1] = Math.fround(start + step);
      for (let i = 2; i < len; i++) data[i] = Math.fround(s0 + Math.fround(Math.fround(i) * delta));
    } else if (dtype === 'bool') {
      if (len > 2) throw new NumpyError('TypeError', 'arange() is only supported for booleans when the result has at most length 2.');
      for (let i = 0; i < len; i++) data[i] = start + i * step !== 0 ? 1 : 0;
    } else {
      const delta = start + step - start;
      if (len > 0) data[0] = start;
      if (len > 1) data[1] = start + step;
      for (let i = 2; i < len; i++) data[i] = start + i * delta;
    }
    return NDArray.fromData(data, [len], dtype);
  }

  static eye(n: number, m: number, k: number, dtype: DType): NDArray {
    const a = NDArray.zeros([n, m], dtype);
    for (let i = 0; i < n; i++) {
      const j = i + k;
      if (j >= 0 && j < m) a.data[i * m + j] = 1;
    }
    return a;
  }

  isCContiguous(): boolean {
    if (this._cc !== 0) return this._cc === 1;
    let cc = true;
    if (this._size !== 0) {
      let expected = 1;
      for (let d = this.shape.length - 1; d >= 0; d--) {
        const n = this.shape[d];
        if (n !== 1 && this.strides[d] !== expected) {
          cc = false;
          break;
        }
        expected *= n;
      }
    }
    this._cc = cc ? 1 : 2;
    return cc;
  }

  /** C-order copy of the elements. */
  toFlat(): Float64Array {
    const out = allocData(this._size, this.shape, this.dtype);
    if (this._size === 0) return out;
    if (this.isCContiguous()) {
      out.set(this.data.subarray(this.offset, this.offset + this._size));
      return out;
    }
    gather(this.data, this.offset, this.shape, this.strides, out, 0);
    return out;
  }

  /** Contiguous data: this.data itself when C-contiguous at offset 0 with matching length, else a copy. */
  contiguousData(): { data: Float64Array; offset: number } {
    if (this.isCContiguous()) return { data: this.data, offset: this.offset };
    return { data: this.toFlat(), offset: 0 };
  }

  item(flatIndex?: number): number {
    if (flatIndex === undefined) {
      if (this._size !== 1) throw new NumpyError('ValueError', 'can only convert an array of size 1 to a Python scalar');
      return this.data[this.offset + this.flatOffset(0)];
    }
    let i = flatIndex;
    if (i < 0) i += this._size;
    if (i < 0 || i >= this._size) {
      throw new NumpyError('IndexError', `index ${flatIndex} is out of bounds for size ${this._size}`);
    }
    return this.data[this.offset + this.flatOffset(i)];
  }

  /** Offset (relative to this.offset) of the C-order flat index i. */
  flatOffset(i: number): number {
    let off = 0;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      const n = this.shape[d];
      const q = Math.floor(i / n);
      off += (i - q * n) * this.strides[d];
      i = q;
    }
    return off;
  }

  getAt(indices: number[]): number {
    let off = this.offset;
    for (let d = 0; d < indices.length; d++) off += indices[d] * this.strides[d];
    return this.data[off];
  }

  setAt(indices: number[], v: number): void {
    let off = this.offset;
    for (let d = 0; d < indices.length; d++) off += indices[d] * this.strides[d];
    this.data[off] = castValue(v, this.dtype);
  }

  copy(): NDArray {
    return NDArray.fromData(this.toFlatGuarded(), this.shape.slice(), this.dtype);
  }

  private toFlatGuarded(): Float64Array {
    return this.toFlat();
  }

  /** Cast copy; float -> int truncates, NaN/inf become INT64_MIN with "invalid value encountered in cast". */
  astype(dtype: DType, warn?: WarningSink): NDArray {
    const flat = this.toFlatGuarded();
    if (dtype === this.dtype || dtype === 'float64' || (dtype === 'float32' && this.dtype !== 'float64' && this.dtype !== 'int64')) {
      return NDArray.fromData(flat, this.shape.slice(), dtype);
    }
    let invalid = false;
    const n = flat.length;
    switch (dtype) {
      case 'float32': {
        let overflow = false;
        for (let i = 0; i < n; i++) {
          const v = flat[i];
          const r = Math.fround(v);
          if (r - r !== 0 && v - v === 0) overflow = true;
          flat[i] = r;
        }
        if (overflow && warn) warn('RuntimeWarning', 'overflow encountered in cast');
        break;
      }
      case 'int64':
        for (let i = 0; i < n; i++) {
          const v = flat[i];
          if (v >= -TWO63 && v < TWO63) {
            const t = Math.trunc(v);
            flat[i] = t === 0 ? 0 : t;
          } else {
            flat[i] = INT64_MIN;
            invalid = true;
          }
        }
        break;
      case 'bool':
        for (let i = 0; i < n; i++) flat[i] = flat[i] !== 0 ? 1 : 0;
        break;
    }
    if (invalid && warn && (this.dtype === 'float64' || this.dtype === 'float32')) {
      warn('RuntimeWarning', 'invalid value encountered in cast');
    }
    return NDArray.fromData(flat, this.shape.slice(), dtype);
  }

  private viewOf(shape: number[], strides: number[], offset: number): NDArray {
    return new NDArray(this.data, shape, strides, offset, this.dtype, this.base ?? this);
  }

  /** A view with other shape/strides/offset sharing this array's data. */
  view(shape: number[], strides: number[], offset: number): NDArray {
    return this.viewOf(shape, strides, offset);
  }

  reshape(shape: number[]): NDArray {
    const dims = shape.slice();
    let unknown = -1;
    let known = 1;
    for (let i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        if (unknown === -1) unknown = i;
        else throw new NumpyError('ValueError', 'can only specify one unknown dimension');
      } else known *= dims[i];
    }
    const size = this._size;
    const mismatch = (): NumpyError =>
      new NumpyError('ValueError', `cannot reshape array of size ${size} into shape ${newaxisShapeStr(shape)}`);
    if (unknown >= 0) {
      if (known === 0 || size % known !== 0) throw mismatch();
      dims[unknown] = size / known;
    } else if (known !== size) throw mismatch();

    if (this.isCContiguous()) return this.viewOf(dims, cStrides(dims), this.offset);
    const st = attemptNoCopyReshape(this.shape, this.strides, dims);
    if (st !== null) return this.viewOf(dims, st, this.offset);
    const flat = this.toFlatGuarded();
    return NDArray.fromData(flat, dims, this.dtype);
  }

  transpose(axes?: number[]): NDArray {
    const nd = this.ndim;
    let perm: number[];
    if (axes === undefined || axes === null) {
      perm = [];
      for (let i = nd - 1; i >= 0; i--) perm.push(i);
    } else {
      if (axes.length !== nd) throw new NumpyError('ValueError', "axes don't match array");
      const seen = new Array<boolean>(nd).fill(false);
      perm = [];
      for (const ax of axes) {
        const a = normalizeAxis(ax, nd);
        if (seen[a]) throw new NumpyError('ValueError', 'repeated axis in transpose');
        seen[a] = true;
        perm.push(a);
      }
    }
    return this.viewOf(
      perm.map((p) => this.shape[p]),
      perm.map((p) => this.strides[p]),
      this.offset,
    );
  }

  /** Swaps two axes (view). */
  swapaxes(a1: number, a2: number): NDArray {
    const nd = this.ndim;
    const x = normalizeAxis(a1, nd);
    const y = normalizeAxis(a2, nd);
    const perm: number[] = [];
    for (let i = 0; i < nd; i++) perm.push(i);
    perm[x] = y;
    perm[y] = x;
    return this.transpose(perm);
  }

  flatten(): NDArray {
    return NDArray.fromData(this.toFlatGuarded(), [this._size], this.dtype);
  }

  ravel(): NDArray {
    if (this.isCContiguous()) return this.viewOf([this._size], [1], this.offset);
    return this.flatten();
  }

  /** Broadcast view to a larger shape (strides 0 on broadcast dims). */
  broadcastTo(shape: readonly number[]): NDArray {
    const nd = shape.length;
    const off = nd - this.ndim;
    if (off < 0) throw new NumpyError('ValueError', `cannot broadcast a non-scalar to a scalar array`);
    const st = new Array<number>(nd).fill(0);
    for (let i = 0; i < this.ndim; i++) {
      const d = this.shape[i];
      if (d === shape[off + i]) st[off + i] = d === 1 ? 0 : this.strides[i];
      else if (d === 1) st[off + i] = 0;
      else {
        throw new NumpyError(
          'ValueError',
          `operands could not be broadcast together with remapped shapes [original->remapped]: ${compactShapeStr(this.shape)}  and requested shape ${compactShapeStr(shape)}`,
        );
      }
    }
    return this.viewOf(shape.slice(), st, this.offset);
  }

  fill(v: number): void {
    const c = castValue(v, this.dtype);
    if (this.isCContiguous()) {
      this.data.fill(c, this.offset, this.offset + this._size);
      return;
    }
    const d = this.data;
    forEachOffset(this.shape, this.strides, this.offset, (o) => {
      d[o] = c;
    });
  }

  /** Copies `src` (broadcast to this shape) into this array, casting to this dtype (unsafe casting like setitem). */
  assign(src: NDArray, warn?: WarningSink): void {
    if (this._size === 0) return;
    let s = src;
    if (s.ndim > this.ndim) {
      // extra leading length-1 dimensions of the value are dropped
      const extra = s.ndim - this.ndim;
      s = s.view(s.shape.slice(extra), s.strides.slice(extra), s.offset);
    }
    const b = s.broadcastTo(this.shape);
    // Read everything first: src may overlap this array.
    const vals = allocData(this._size, this.shape, this.dtype);
    gather(b.data, b.offset, b.shape, b.strides, vals, 0);
    if (src.dtype !== this.dtype) {
      let invalid = false;
      for (let i = 0; i < vals.length; i++) if (castInto(vals, i, this.dtype, vals[i])) invalid = true;
      if (invalid && warn && (src.dtype === 'float64' || src.dtype === 'float32')) {
        warn('RuntimeWarning', 'invalid value encountered in cast');
      }
    }
    scatter(vals, 0, this.data, this.offset, this.shape, this.strides);
  }

  // -------------------------------------------------------------------------
  // Indexing

  getItem(index: IndexItem[]): NDArray | number {
    const fast = this.fastGet(index);
    if (fast !== undefined) return fast;
    const p = this.prepareIndex(index);
    if (p.advanced === null) {
      if (p.allInt) return this.data[p.view.offset];
      return p.view;
    }
    const plan = this.advancedPlan(p);
    const out = allocFor(plan.shape, this.dtype);
    const src = plan.view.data;
    const base0 = plan.view.offset;
    const { pre, adv, post } = plan;
    let k = 0;
    const np = post.length;
    for (let i = 0; i < pre.length; i++) {
      const bi = base0 + pre[i];
      for (let j = 0; j < adv.length; j++) {
        const bj = bi + adv[j];
        for (let q = 0; q < np; q++) out[k++] = src[bj + post[q]];
      }
    }
    return NDArray.fromData(out, plan.shape, this.dtype);
  }

  setItem(index: IndexItem[], value: NDArray | number, warn?: WarningSink): void {
    if (this.fastSet(index, value, warn)) return;
    const p = this.prepareIndex(index);
    if (p.advanced === null) {
      if (p.allInt || p.view.ndim === 0) {
        this.data[p.view.offset] = this.scalarForSet(value, warn);
        return;
      }
      const target = p.view;
      if (typeof value === 'number') {
        target.fill(this.scalarForSet(value, warn));
        return;
      }
      checkSetBroadcast(value.shape, target.shape, false, false);
      target.assign(value, warn);
      return;
    }
    const plan = this.advancedPlan(p);
    const n = shapeSize(plan.shape);
    let vals: Float64Array;
    if (typeof value === 'number') {
      const c = this.scalarForSet(value, warn);
      vals = allocData(n, plan.shape, this.dtype).fill(c);
    } else {
      if (plan.singleBool && value.ndim > 1) {
        throw new NumpyError(
          'TypeError',
          `NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${value.ndim} dimensions`,
        );
      }
      if (plan.singleBool && value.size !== 1 && value.size !== plan.bshape[0]) {
        throw new NumpyError(
          'ValueError',
          `NumPy boolean array indexing assignment cannot assign ${value.size} input values to the ${plan.bshape[0]} output values where the mask is true`,
        );
      }
      checkSetBroadcast(value.shape, plan.shape, true, false);
      const tmp = NDArray.zeros(plan.shape, this.dtype);
      tmp.assign(value, warn);
      vals = tmp.data;
    }
    const dst = plan.view.data;
    const base0 = plan.view.offset;
    const { pre, adv, post } = plan;
    let k = 0;
    const np = post.length;
    for (let i = 0; i < pre.length; i++) {
      const bi = base0 + pre[i];
      for (let j = 0; j < adv.length; j++) {
        const bj = bi + adv[j];
        for (let q = 0; q < np; q++) dst[bj + post[q]] = vals[k++];
      }
    }
  }

  // Fast paths of the indexing forms a training loop repeats (`x[i, j]`, `out[mask] = 0`,
  // `y[np.arange(n), t]`): the same results, checks and messages as the general path
  // (prepareIndex + advancedPlan), without building its plan. undefined/false: not handled.

  /** Offset of a full integer index (one int per dimension), with the general path's bounds check; -1 if not that form. */
  private intIndexOffset(index: IndexItem[]): number {
    const nd = this.shape.length;
    if (index.length !== nd) return -1;
    let off = this.offset;
    for (let d = 0; d < nd; d++) {
      const it = index[d];
      if (it.kind !== 'int') return -1;
      const n = this.shape[d];
      let v = it.value;
      if (v < -n || v >= n) throw new NumpyError('IndexError', `index ${it.value} is out of bounds for axis ${d} with size ${n}`);
      if (v < 0) v += n;
      off += v * this.strides[d];
    }
    return off;
  }

  /** A boolean mask of exactly this array's shape, both C-contiguous; null otherwise. */
  private sameShapeMask(index: IndexItem[]): NDArray | null {
    if (index.length !== 1) return null;
    const it = index[0];
    if (it.kind !== 'array') return null;
    const m = it.array;
    if (m.dtype !== 'bool' || m.ndim === 0 || !shapesEqual(m.shape, this.shape)) return null;
    if (!m.isCContiguous() || !this.isCContiguous()) return null;
    return m;
  }

  /**
   * One 1-D int64 index array per dimension, all of the same nonzero length: the offsets of the
   * points they select, the index values checked item by item like the general path; null otherwise.
   */
  private pointOffsets(index: IndexItem[]): Float64Array | null {
    const nd = this.shape.length;
    if (index.length !== nd || nd === 0) return null;
    let len = -1;
    for (let d = 0; d < nd; d++) {
      const it = index[d];
      if (it.kind !== 'array' || it.array.dtype !== 'int64' || it.array.ndim !== 1) return null;
      const l = it.array.shape[0];
      if (len === -1) len = l;
      else if (l !== len) return null;
    }
    if (len <= 0) return null;
    const offs = new Float64Array(len).fill(this.offset);
    for (let d = 0; d < nd; d++) {
      const a = (index[d] as { array: NDArray }).array;
      const n = this.shape[d];
      const st = this.strides[d];
      const ad = a.data;
      const as = a.strides[0];
      for (let i = 0, q = a.offset; i < len; i++, q += as) {
        let v = ad[q];
        if (v < -n || v >= n) throw new NumpyError('IndexError', `index ${v} is out of bounds for axis ${d} with size ${n}`);
        if (v < 0) v += n;
        offs[i] += v * st;
      }
    }
    return offs;
  }

  private fastGet(index: IndexItem[]): NDArray | number | undefined {
    const first = index.length > 0 ? index[0].kind : '';
    if (first === 'int') {
      const off = this.intIndexOffset(index);
      return off >= 0 ? this.data[off] : undefined;
    }
    if (first !== 'array') return undefined;
    const mask = this.sameShapeMask(index);
    if (mask !== null) {
      const md = mask.data;
      const mo = mask.offset;
      const n = this._size;
      let count = 0;
      for (let i = 0; i < n; i++) if (md[mo + i] !== 0) count++;
      const out = allocData(count, [count], this.dtype);
      const src = this.data;
      const so = this.offset;
      for (let i = 0, k = 0; i < n; i++) if (md[mo + i] !== 0) out[k++] = src[so + i];
      return NDArray.fromData(out, [count], this.dtype);
    }
    const offs = this.pointOffsets(index);
    if (offs === null) return undefined;
    const len = offs.length;
    const out = allocData(len, [len], this.dtype);
    const src = this.data;
    for (let i = 0; i < len; i++) out[i] = src[offs[i]];
    return NDArray.fromData(out, [len], this.dtype);
  }

  private fastSet(index: IndexItem[], value: NDArray | number, warn?: WarningSink): boolean {
    const first = index.length > 0 ? index[0].kind : '';
    if (first === 'int') {
      const off = this.intIndexOffset(index);
      if (off < 0) return false;
      this.data[off] = this.scalarForSet(value, warn);
      return true;
    }
    if (first !== 'array') return false;
    const mask = this.sameShapeMask(index);
    if (mask !== null) {
      if (typeof value !== 'number') return false;
      const c = this.scalarForSet(value, warn);
      const md = mask.data;
      const mo = mask.offset;
      const dst = this.data;
      const o = this.offset;
      const n = this._size;
      for (let i = 0; i < n; i++) if (md[mo + i] !== 0) dst[o + i] = c;
      return true;
    }
    const offs = this.pointOffsets(index);
    if (offs === null) return false;
    const len = offs.length;
    const dst = this.data;
    if (typeof value === 'number') {
      const c = this.scalarForSet(value, warn);
      for (let i = 0; i < len; i++) dst[offs[i]] = c;
      return true;
    }
    if (value.dtype !== this.dtype || value.ndim !== 1 || value.shape[0] !== len) return false;
    // Read all values before writing: the value may be a view of this array.
    const vd = value.data === dst ? value.toFlat() : value.data;
    const vo = value.data === dst ? 0 : value.offset;
    const vs = value.data === dst ? 1 : value.strides[0];
    for (let i = 0, q = vo; i < len; i++, q += vs) dst[offs[i]] = vd[q];
    return true;
  }

  private scalarForSet(value: NDArray | number, warn?: WarningSink): number {
    if (typeof value === 'number') {
      if (this.dtype === 'int64') {
        if (Number.isNaN(value)) throw new NumpyError('ValueError', 'cannot convert float NaN to integer');
        if (!Number.isFinite(value)) throw new NumpyError('OverflowError', 'cannot convert float infinity to integer');
      }
      return castValue(value, this.dtype);
    }
    if (value.size !== 1) throw new NumpyError('ValueError', 'setting an array element with a sequence.');
    const v = value.data[value.offset + value.flatOffset(0)];
    const tmp = new Float64Array(1);
    if (castInto(tmp, 0, this.dtype, v) && warn && (value.dtype === 'float64' || value.dtype === 'float32')) {
      warn('RuntimeWarning', 'invalid value encountered in cast');
    }
    return tmp[0];
  }

  /**
   * Basic-indexing pass: applies ints, slices, newaxis and ellipsis; advanced items keep their
   * dimension and are recorded with the view dimension they index.
   */
  private prepareIndex(index: IndexItem[]): PreparedIndex {
    const nd = this.ndim;
    let consumed = 0;
    let ellipsisCount = 0;
    let hasArray = false;
    for (const it of index) {
      switch (it.kind) {
        case 'int':
        case 'slice':
          consumed++;
          break;
        case 'ellipsis':
          ellipsisCount++;
          if (ellipsisCount > 1) throw new NumpyError('IndexError', "an index can only have a single ellipsis ('...')");
          break;
        case 'newaxis':
          break;
        case 'array': {
          const a = it.array;
          if (a.dtype === 'bool') {
            if (a.ndim === 0) {
              hasArray = true;
              break;
            }
            consumed += a.ndim;
          } else if (a.dtype === 'int64') {
            if (a.ndim > 0) consumed++;
            else consumed++;
          } else {
            throw new NumpyError('IndexError', 'arrays used as indices must be of integer (or boolean) type');
          }
          if (!(a.dtype === 'int64' && a.ndim === 0)) hasArray = true;
          break;
        }
      }
    }
    if (consumed > nd) {
      throw new NumpyError(
        'IndexError',
        `too many indices for array: array is ${nd}-dimensional, but ${consumed} were indexed`,
      );
    }
    const shape: number[] = [];
    const strides: number[] = [];
    let offset = this.offset;
    let dim = 0; // current dim of this array
    let allInt = ellipsisCount === 0;
    const advanced: AdvItem[] = [];
    // position (in the view dims) bookkeeping for adjacency of advanced indices
    let lastAdvPos = -2;
    let adjacent = true;
    let firstAdvPos = -1;
    let itemPos = 0;
    const markAdv = (): void => {
      if (firstAdvPos === -1) firstAdvPos = itemPos;
      else if (lastAdvPos !== itemPos - 1) adjacent = false;
      lastAdvPos = itemPos;
    };
    for (const it of index) {
      switch (it.kind) {
        case 'int': {
          const n = this.shape[dim];
          let v = it.value;
          if (v < -n || v >= n) {
            throw new NumpyError('IndexError', `index ${it.value} is out of bounds for axis ${dim} with size ${n}`);
          }
          if (v < 0) v += n;
          if (hasArray) {
            // integers count as advanced indices when arrays are present
            markAdv();
            advanced.push({ viewDim: shape.length, kind: 'int', values: [v], shape: [], axis: dim, axisSize: n });
            shape.push(n);
            strides.push(this.strides[dim]);
          } else {
            offset += v * this.strides[dim];
          }
          dim++;
          break;
        }
        case 'slice': {
          allInt = false;
          const n = this.shape[dim];
          const [s, st, len] = adjustSlice(n, it.start, it.stop, it.step);
          if (len > 0) offset += s * this.strides[dim];
          shape.push(len);
          strides.push(st * this.strides[dim]);
          dim++;
          break;
        }
        case 'newaxis':
          allInt = false;
          shape.push(1);
          strides.push(0);
          break;
        case 'ellipsis': {
          allInt = false;
          const fill = nd - consumed;
          for (let i = 0; i < fill; i++) {
            shape.push(this.shape[dim]);
            strides.push(this.strides[dim]);
            dim++;
          }
          break;
        }
        case 'array': {
          const a = it.array;
          if (a.dtype === 'int64' && a.ndim === 0) {
            // 0-d integer arrays act like integers
            const n = this.shape[dim];
            const raw = a.data[a.offset];
            let v = raw;
            if (v < -n || v >= n) {
              throw new NumpyError('IndexError', `index ${raw} is out of bounds for axis ${dim} with size ${n}`);
            }
            if (v < 0) v += n;
            if (hasArray) {
              markAdv();
              advanced.push({ viewDim: shape.length, kind: 'int', values: [v], shape: [], axis: dim, axisSize: n });
              shape.push(n);
              strides.push(this.strides[dim]);
            } else offset += v * this.strides[dim];
            dim++;
            break;
          }
          allInt = false;
          if (a.dtype === 'bool') {
            if (a.ndim === 0) {
              // x[True] adds a length-1 axis, x[False] a length-0 axis (advanced semantics)
              markAdv();
              const on = a.data[a.offset] !== 0;
              advanced.push({ viewDim: shape.length, kind: 'bool0', values: on ? [0] : [], shape: [on ? 1 : 0], axis: -1, axisSize: 1 });
              shape.push(1);
              strides.push(0);
              break;
            }
            for (let k = 0; k < a.ndim; k++) {
              const n = this.shape[dim + k];
              if (a.shape[k] !== n) {
                throw new NumpyError(
                  'IndexError',
                  `boolean index did not match indexed array along dimension ${dim + k}; dimension is ${n} but corresponding boolean dimension is ${a.shape[k]}`,
                );
              }
            }
            // nonzero: one index array per boolean dimension
            const flat = a.toFlat();
            let count = 0;
            for (let i = 0; i < flat.length; i++) if (flat[i] !== 0) count++;
            const cols: number[][] = [];
            for (let k = 0; k < a.ndim; k++) cols.push(new Array<number>(count));
            const idx = new Array<number>(a.ndim).fill(0);
            let c = 0;
            for (let i = 0; i < flat.length; i++) {
              if (flat[i] !== 0) {
                for (let k = 0; k < a.ndim; k++) cols[k][c] = idx[k];
                c++;
              }
              nextIndex(idx, a.shape);
            }
            markAdv();
            for (let k = 0; k < a.ndim; k++) {
              advanced.push({
                viewDim: shape.length,
                kind: 'array',
                values: cols[k],
                shape: [count],
                axis: dim,
                axisSize: this.shape[dim],
                fromBool: a.ndim === nd && index.length === 1,
              });
              shape.push(this.shape[dim]);
              strides.push(this.strides[dim]);
              dim++;
            }
            break;
          }
          // integer array
          const n = this.shape[dim];
          const flat = a.toFlat();
          const vals = new Array<number>(flat.length);
          for (let i = 0; i < flat.length; i++) {
            let v = flat[i];
            if (v < -n || v >= n) {
              throw new NumpyError('IndexError', `index ${flat[i]} is out of bounds for axis ${dim} with size ${n}`);
            }
            if (v < 0) v += n;
            vals[i] = v;
          }
          markAdv();
          advanced.push({ viewDim: shape.length, kind: 'array', values: vals, shape: a.shape.slice(), axis: dim, axisSize: n });
          shape.push(n);
          strides.push(this.strides[dim]);
          dim++;
          break;
        }
      }
      itemPos++;
    }
    // remaining dims
    if (ellipsisCount === 0) {
      if (dim < nd) allInt = false;
      while (dim < nd) {
        shape.push(this.shape[dim]);
        strides.push(this.strides[dim]);
        dim++;
      }
    }
    const view = this.viewOf(shape, strides, offset);
    if (!hasArray) return { view, allInt, advanced: null, adjacent: true };
    return { view, allInt: false, advanced, adjacent };
  }

  private advancedPlan(p: PreparedIndex): AdvancedPlan {
    const adv = p.advanced as AdvItem[];
    const view = p.view;
    // broadcast the index arrays
    const shapes = adv.map((a) => a.shape);
    let bshape: number[];
    try {
      bshape = broadcastShapesUfunc(shapes);
    } catch {
      throw new NumpyError(
        'IndexError',
        `shape mismatch: indexing arrays could not be broadcast together with shapes ${shapes.map((s) => compactShapeStr(s) + ' ').join('')}`,
      );
    }
    const nb = shapeSize(bshape);
    const advOff = allocData(nb, bshape);
    for (const a of adv) {
      const st = view.strides[a.viewDim];
      if (a.values.length === 0) continue;
      // broadcast a.values (shape a.shape) to bshape
      const tmp = NDArray.fromData(Float64Array.from(a.values), a.shape.slice(), 'int64').broadcastTo(bshape);
      const flat = tmp.toFlat();
      for (let j = 0; j < nb; j++) advOff[j] += flat[j] * st;
    }
    const advDims = new Set(adv.map((a) => a.viewDim));
    const restShape: number[] = [];
    const restStrides: number[] = [];
    let firstAdv = -1;
    for (let d = 0; d < view.ndim; d++) {
      if (advDims.has(d)) {
        if (firstAdv === -1) firstAdv = restShape.length;
        continue;
      }
      restShape.push(view.shape[d]);
      restStrides.push(view.strides[d]);
    }
    const split = p.adjacent ? firstAdv : 0;
    const preShape = restShape.slice(0, split);
    const postShape = restShape.slice(split);
    const shape = [...preShape, ...bshape, ...postShape];
    maxElementsGuard(shapeSize(shape));
    return {
      view,
      shape,
      pre: offsetTable(preShape, restStrides.slice(0, split)),
      adv: advOff,
      post: offsetTable(postShape, restStrides.slice(split)),
      singleBool: adv.length >= 1 && adv.every((a) => a.fromBool === true),
      bshape,
    };
  }
}

interface AdvItem {
  viewDim: number;
  kind: 'int' | 'array' | 'bool0';
  values: number[];
  shape: number[];
  axis: number;
  axisSize: number;
  fromBool?: boolean;
}

interface PreparedIndex {
  view: NDArray;
  allInt: boolean;
  advanced: AdvItem[] | null;
  adjacent: boolean;
}

function checkSetBroadcast(vshape: readonly number[], target: readonly number[], fancy: boolean, _unused: boolean): void {
  // The value may have extra leading 1s; otherwise it must broadcast to target.
  let ok = true;
  const off = target.length - vshape.length;
  for (let i = 0; i < vshape.length; i++) {
    const d = vshape[i];
    if (off + i < 0) {
      if (d !== 1) ok = false;
      continue;
    }
    const t = target[off + i];
    if (d !== t && d !== 1) ok = false;
  }
  if (!ok) {
    if (fancy) {
      throw new NumpyError(
        'ValueError',
        `shape mismatch: value array of shape ${compactShapeStr(vshape)} could not be broadcast to indexing result of shape ${compactShapeStr(target)}`,
      );
    }
    throw new NumpyError(
      'ValueError',
      `could not broadcast input array from shape ${compactShapeStr(vshape)} into shape ${compactShapeStr(target)}`,
    );
  }
}

/** NumPy's _attempt_nocopy_reshape (C order); returns the new strides or null. */
function attemptNoCopyReshape(oldShape: readonly number[], oldStrides: readonly number[], newdims: readonly number[]): number[] | null {
  const olddims: number[] = [];
  const oldstrides: number[] = [];
  for (let i = 0; i < oldShape.length; i++) {
    if (oldShape[i] !== 1) {
      olddims.push(oldShape[i]);
      oldstrides.push(oldStrides[i]);
    }
  }
  const oldnd = olddims.length;
  const newnd = newdims.length;
  const newstrides = new Array<number>(newnd).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newnd && oi < oldnd) {
    let np = newdims[ni];
    let op = olddims[oi];
    while (np !== op) {
      if (np < op) np *= newdims[nj++];
      else op *= olddims[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      if (oldstrides[ok] !== olddims[ok + 1] * oldstrides[ok + 1]) return null;
    }
    newstrides[nj - 1] = oldstrides[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk] * newdims[nk];
    ni = nj++;
    oi = oj++;
  }
  const last = ni >= 1 ? newstrides[ni - 1] : 1;
  for (let nk = ni; nk < newnd; nk++) newstrides[nk] = last;
  return newstrides;
}
