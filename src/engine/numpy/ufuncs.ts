// Element-wise ufuncs with NumPy 1.24 type resolution (including value-based casting of
// scalars), broadcasting, floating-point warnings and `out=` casting.

import { DType, NumpyError, WarningSink } from './types';
import {
  NDArray,
  UFuncTypeError,
  allocData,
  broadcastShapesUfunc,
  cStrides,
  compactShapeStr,
  shapeSize,
  shapesEqual,
  toInt64,
  wrapInt64,
} from './core';
import { npExp, npExp32, npLog, npLog32, npTanh, npTanh32, SIMD_UNARY_F32 as F32, SIMD_UNARY_F64 as F64 } from './mathfns';
import { bestAxisOrder, isIdentityPerm, stridesForOrder } from './layout';

export type BinaryOp =
  | 'add'
  | 'subtract'
  | 'multiply'
  | 'true_divide'
  | 'floor_divide'
  | 'remainder'
  | 'power'
  | 'maximum'
  | 'minimum'
  | 'equal'
  | 'not_equal'
  | 'less'
  | 'less_equal'
  | 'greater'
  | 'greater_equal'
  | 'logical_and'
  | 'logical_or'
  | 'bitwise_and'
  | 'bitwise_or'
  | 'bitwise_xor'
  | 'arctan2';

export type UnaryOp =
  | 'negative'
  | 'positive'
  | 'absolute'
  | 'exp'
  | 'log'
  | 'log2'
  | 'log10'
  | 'log1p'
  | 'expm1'
  | 'sqrt'
  | 'square'
  | 'tanh'
  | 'sinh'
  | 'cosh'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'arcsin'
  | 'arccos'
  | 'arctan'
  | 'sign'
  | 'floor'
  | 'ceil'
  | 'rint'
  | 'trunc'
  | 'isnan'
  | 'isinf'
  | 'isfinite'
  | 'logical_not'
  | 'invert'
  | 'reciprocal';

/**
 * An operand: an array, or a scalar with the kind it came from. `weak` marks Python scalars and
 * NumPy scalars / 0-d arrays (NumPy 1.24 value-based casting). `scalar` (optional) marks Python
 * and NumPy scalars proper (not 0-d arrays): when every operand of a binary op has it, warnings
 * are named like NumPy's scalar math ("divide by zero encountered in scalar divide").
 */
export interface Operand {
  array: NDArray;
  weak: boolean;
  scalar?: boolean;
}

// ---------------------------------------------------------------------------
// Promotion. Internal type codes include the small types value-based casting produces.

const B1 = 0;
const I1 = 1;
const I2 = 2;
const I4 = 3;
const I8 = 4;
const U1 = 5;
const U2 = 6;
const U4 = 7;
const U8 = 8;
const F2 = 9;
const F4 = 10;
const F8 = 11;

const KIND = [0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2];
const BITS = [1, 8, 16, 32, 64, 8, 16, 32, 64, 16, 32, 64];
const SIGNED_BY_BITS: Record<number, number> = { 8: I1, 16: I2, 32: I4, 64: I8 };
const FLOAT_BY_BITS: Record<number, number> = { 16: F2, 32: F4, 64: F8 };

function isUnsigned(t: number): boolean {
  return t >= U1 && t <= U8;
}

function promoteT(a: number, b: number): number {
  if (a === b) return a;
  if (a === B1) return b;
  if (b === B1) return a;
  const ka = KIND[a];
  const kb = KIND[b];
  if (ka === 2 && kb === 2) return a > b ? a : b;
  if (ka === 2 || kb === 2) {
    const f = ka === 2 ? a : b;
    const i = ka === 2 ? b : a;
    const need = BITS[i] <= 8 ? F2 : BITS[i] <= 16 ? F4 : F8;
    return f > need ? f : need;
  }
  // both integers
  const ua = isUnsigned(a);
  const ub = isUnsigned(b);
  if (ua === ub) return BITS[a] >= BITS[b] ? a : b;
  const s = ua ? b : a;
  const u = ua ? a : b;
  if (BITS[u] < BITS[s]) return s;
  if (BITS[u] < 64) return SIGNED_BY_BITS[BITS[u] * 2];
  return F8;
}

function dtypeT(d: DType): number {
  switch (d) {
    case 'bool':
      return B1;
    case 'int64':
      return I8;
    case 'float32':
      return F4;
    case 'float64':
      return F8;
  }
}

function tDtype(t: number): DType {
  if (t === B1) return 'bool';
  if (KIND[t] === 1) return t === U8 ? 'int64' : 'int64';
  if (t === F8) return 'float64';
  return 'float32'; // F4, and F2 (float16 is not supported: float32 stands in)
}

/** np.promote_types for the supported dtypes. */
export function promote(a: DType, b: DType): DType {
  return tDtype(promoteT(dtypeT(a), dtypeT(b)));
}

/** np.min_scalar_type of a scalar value stored with dtype. */
function minScalarT(v: number, dtype: DType): number {
  switch (dtype) {
    case 'bool':
      return B1;
    case 'int64':
      if (v >= 0) {
        if (v <= 255) return U1;
        if (v <= 65535) return U2;
        if (v <= 4294967295) return U4;
        return U8;
      }
      if (v >= -128) return I1;
      if (v >= -32768) return I2;
      if (v >= -2147483648) return I4;
      return I8;
    case 'float64':
      if ((v > -65000 && v < 65000) || !Number.isFinite(v)) return F2;
      if (v > -3.4e38 && v < 3.4e38) return F4;
      return F8;
    case 'float32':
      if ((v > -65000 && v < 65000) || !Number.isFinite(v)) return F2;
      return F4;
  }
}

function scalarValue(a: NDArray): number {
  return a.data[a.offset];
}

/** Effective input types of the operands after NumPy 1.24's value-based logic. */
function operandTypes(ops: readonly Operand[]): number[] {
  let anyWeak = false;
  let anyStrong = false;
  let maxArrKind = -1;
  let maxScalarKind = -1;
  const weak = ops.map((o) => o.weak && o.array.ndim === 0);
  for (let i = 0; i < ops.length; i++) {
    const k = KIND[dtypeT(ops[i].array.dtype)];
    if (weak[i]) {
      anyWeak = true;
      if (k > maxScalarKind) maxScalarKind = k;
    } else {
      anyStrong = true;
      if (k > maxArrKind) maxArrKind = k;
    }
  }
  const useMin = anyWeak && anyStrong && maxScalarKind <= maxArrKind;
  return ops.map((o, i) =>
    useMin && weak[i] ? minScalarT(scalarValue(o.array), o.array.dtype) : dtypeT(o.array.dtype),
  );
}

/** Result dtype of combining operands like np.result_type / arithmetic ufuncs. */
export function resultType(...ops: Operand[]): DType {
  const ts = operandTypes(ops);
  let t = ts[0];
  for (let i = 1; i < ts.length; i++) t = promoteT(t, ts[i]);
  return tDtype(t);
}

// ---------------------------------------------------------------------------
// Floating point status

const FPE_DIVIDEBYZERO = 1;
const FPE_OVERFLOW = 2;
const FPE_INVALID = 8;

let fpFlags = 0;

function flagGeneric(x: number, y: number, r: number): void {
  if (r !== r) {
    if (x === x && y === y) fpFlags |= FPE_INVALID;
  } else if (x - x === 0 && y - y === 0) fpFlags |= FPE_OVERFLOW;
}

function flagDivide(x: number, y: number, r: number): void {
  if (r !== r) {
    if (x === x && y === y) fpFlags |= FPE_INVALID;
  } else if (x - x === 0) {
    if (y === 0) fpFlags |= FPE_DIVIDEBYZERO;
    else if (y - y === 0) fpFlags |= FPE_OVERFLOW;
  }
}

function flagPower(x: number, y: number, r: number): void {
  if (r !== r) {
    if (x === x && y === y) fpFlags |= FPE_INVALID;
  } else if (x - x === 0 && y === y) {
    if (x === 0) fpFlags |= FPE_DIVIDEBYZERO;
    else if (y - y === 0) fpFlags |= FPE_OVERFLOW;
  }
}

function reportFlags(flags: number, name: string, warn: WarningSink | undefined): void {
  if (flags === 0 || !warn) return;
  if (flags & FPE_DIVIDEBYZERO) warn('RuntimeWarning', `divide by zero encountered in ${name}`);
  if (flags & FPE_OVERFLOW) warn('RuntimeWarning', `overflow encountered in ${name}`);
  if (flags & FPE_INVALID) warn('RuntimeWarning', `invalid value encountered in ${name}`);
}

// ---------------------------------------------------------------------------
// Scalar helpers with NumPy semantics

/** npy_divmod's floor division for floats (y != 0). */
function floorDivF(x: number, y: number): number {
  const mod = x % y;
  let div = (x - mod) / y;
  // C truthiness: NaN counts as true
  if (mod !== 0) {
    if (y < 0 !== mod < 0) div -= 1.0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  }
  return floordiv;
}

/** npy_remainder for floats. */
function remainderF(x: number, y: number): number {
  if (y === 0) return x % y;
  let mod = x % y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) mod += y;
  } else {
    mod = y < 0 ? -0 : 0;
  }
  return mod;
}

/** Round half to even (npy_rint). */
export function rint(x: number): number {
  if (!(Math.abs(x) < 4503599627370496)) return x;
  let r = Math.round(x);
  if (r - x === 0.5 && r % 2 !== 0) r -= 1;
  return r;
}

/** C pow's special cases that differ from Math.pow: pow(1, y) = 1, pow(-1, +-inf) = 1. */
function cpow(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}

function intPow(base: number, exp: number): number {
  if (exp === 0 || base === 1) return 1;
  if (Math.abs(base) <= 1 || Math.pow(Math.abs(base), exp) < 9007199254740992) {
    let out = exp & 1 ? base : 1;
    let b = base;
    let e = Math.floor(exp / 2);
    while (e > 0) {
      b *= b;
      if (e & 1) out *= b;
      e = Math.floor(e / 2);
    }
    return out + 0;
  }
  let out = BigInt(exp % 2 === 1 ? base : 1);
  let b = BigInt(base);
  let e = BigInt(Math.floor(exp / 2));
  while (e > 0n) {
    b = BigInt.asIntN(64, b * b);
    if (e & 1n) out = BigInt.asIntN(64, out * b);
    e >>= 1n;
  }
  return Number(out);
}

function intBitwise(op: 0 | 1 | 2, x: number, y: number): number {
  if (x >= -2147483648 && x <= 2147483647 && y >= -2147483648 && y <= 2147483647) {
    return op === 0 ? x & y : op === 1 ? x | y : x ^ y;
  }
  const a = BigInt(x);
  const b = BigInt(y);
  return Number(BigInt.asIntN(64, op === 0 ? a & b : op === 1 ? a | b : a ^ b));
}

function intInvert(x: number): number {
  if (x >= -2147483648 && x <= 2147483647) return ~x;
  return Number(BigInt.asIntN(64, ~BigInt(x)));
}

// ---------------------------------------------------------------------------
// Binary kernels: o[oi..oi+n) = f(a[ai + i*as], b[bi + i*bs])

type BKernel = (
  a: Float64Array,
  ai: number,
  as: number,
  b: Float64Array,
  bi: number,
  bs: number,
  o: Float64Array,
  oi: number,
  n: number,
) => void;

const F_KERNELS: Partial<Record<BinaryOp, BKernel>> = {
  add(a, ai, as, b, bi, bs, o, oi, n) {
    if (as === 1 && bs === 1) {
      for (let i = 0; i < n; i++) {
        const x = a[ai + i];
        const y = b[bi + i];
        const r = x + y;
        o[oi + i] = r;
        if (r - r !== 0) flagGeneric(x, y, r);
      }
      return;
    }
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      const r = x + y;
      o[oi + i] = r;
      if (r - r !== 0) flagGeneric(x, y, r);
    }
  },
  subtract(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      const r = x - y;
      o[oi + i] = r;
      if (r - r !== 0) flagGeneric(x, y, r);
    }
  },
  multiply(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      const r = x * y;
      o[oi + i] = r;
      if (r - r !== 0) flagGeneric(x, y, r);
    }
  },
  true_divide(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      const r = x / y;
      o[oi + i] = r;
      if (r - r !== 0) flagDivide(x, y, r);
    }
  },
  floor_divide(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      let r: number;
      if (y === 0) {
        r = x / y;
        if (x === 0) fpFlags |= FPE_INVALID;
        else if (x === x) fpFlags |= FPE_DIVIDEBYZERO;
      } else {
        r = floorDivF(x, y);
        if (r - r !== 0) {
          if (r !== r) {
            if (x === x && y === y) fpFlags |= FPE_INVALID;
          } else if (x - x === 0 && y - y === 0) fpFlags |= FPE_OVERFLOW | FPE_INVALID;
        }
      }
      o[oi + i] = r;
    }
  },
  remainder(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      const r = remainderF(x, y);
      o[oi + i] = r;
      if (r - r !== 0) flagGeneric(x, y, r);
    }
  },
  power(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      const r = cpow(x, y);
      o[oi + i] = r;
      if (r - r !== 0) flagPower(x, y, r);
    }
  },
  maximum(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      o[oi + i] = x !== x ? x : y !== y ? y : x > y ? x : y;
    }
  },
  minimum(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      o[oi + i] = x !== x ? x : y !== y ? y : x < y ? x : y;
    }
  },
  arctan2(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = Math.atan2(a[ai], b[bi]);
  },
  equal(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = a[ai] === b[bi] ? 1 : 0;
  },
  not_equal(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = a[ai] !== b[bi] ? 1 : 0;
  },
  less(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = a[ai] < b[bi] ? 1 : 0;
  },
  less_equal(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = a[ai] <= b[bi] ? 1 : 0;
  },
  greater(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = a[ai] > b[bi] ? 1 : 0;
  },
  greater_equal(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = a[ai] >= b[bi] ? 1 : 0;
  },
  logical_and(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0;
  },
  logical_or(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = a[ai] !== 0 || b[bi] !== 0 ? 1 : 0;
  },
};

const TWO63 = 9223372036854775808;

let intDivZero = false;

const I_KERNELS: Partial<Record<BinaryOp, BKernel>> = {
  add(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const r = a[ai] + b[bi];
      o[oi + i] = r >= TWO63 || r < -TWO63 ? wrapInt64(r) : r;
    }
  },
  subtract(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const r = a[ai] - b[bi];
      o[oi + i] = r >= TWO63 || r < -TWO63 ? wrapInt64(r) : r + 0;
    }
  },
  multiply(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      let r = x * y;
      if (r >= 9007199254740992 || r <= -9007199254740992) {
        r = Number(BigInt.asIntN(64, BigInt(x) * BigInt(y)));
      }
      o[oi + i] = r + 0;
    }
  },
  floor_divide(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      if (y === 0) {
        intDivZero = true;
        o[oi + i] = 0;
        continue;
      }
      let q = Math.trunc(x / y);
      if (x > 0 !== y > 0 && q * y !== x) q -= 1;
      o[oi + i] = q >= TWO63 ? wrapInt64(q) : q + 0;
    }
  },
  remainder(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      if (y === 0) {
        intDivZero = true;
        o[oi + i] = 0;
        continue;
      }
      const rem = x % y;
      o[oi + i] = x > 0 === y > 0 || rem === 0 ? rem + 0 : rem + y;
    }
  },
  power(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const y = b[bi];
      if (y < 0) throw new NumpyError('ValueError', 'Integers to negative integer powers are not allowed.');
      o[oi + i] = intPow(a[ai], y);
    }
  },
  maximum(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      o[oi + i] = x > y ? x : y;
    }
  },
  minimum(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      o[oi + i] = x < y ? x : y;
    }
  },
  bitwise_and(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = intBitwise(0, a[ai], b[bi]);
  },
  bitwise_or(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = intBitwise(1, a[ai], b[bi]);
  },
  bitwise_xor(a, ai, as, b, bi, bs, o, oi, n) {
    for (let i = 0; i < n; i++, ai += as, bi += bs) o[oi + i] = intBitwise(2, a[ai], b[bi]);
  },
};

const BOOL_KERNELS: Partial<Record<BinaryOp, BKernel>> = {
  add: F_KERNELS.logical_or,
  multiply: F_KERNELS.logical_and,
  maximum: F_KERNELS.logical_or,
  minimum: F_KERNELS.logical_and,
};

// ---------------------------------------------------------------------------
// Broadcasting drivers

/** Strides of `a` broadcast to `shape` (0 on broadcast dims). */
function broadcastStrides(a: NDArray, shape: readonly number[]): number[] {
  const nd = shape.length;
  const off = nd - a.ndim;
  const st = new Array<number>(nd).fill(0);
  for (let i = 0; i < a.ndim; i++) st[off + i] = a.shape[i] === 1 ? 0 : a.strides[i];
  return st;
}

/**
 * Applies a binary kernel over the broadcast of a and b (shape `shape`) into `o`, which is filled
 * in NumPy's iteration order (K order). Returns the strides of `o` as an array of `shape`.
 */
function runBinary(kernel: BKernel, a: NDArray, b: NDArray, shape: readonly number[], o: Float64Array): number[] {
  const size = o.length;
  const ad = a.data;
  const bd = b.data;
  if (size === 0) return cStrides(shape);
  const aFull = a.size === size;
  const bFull = b.size === size;
  if (aFull && bFull && a.isCContiguous() && b.isCContiguous()) {
    kernel(ad, a.offset, 1, bd, b.offset, 1, o, 0, size);
    return cStrides(shape);
  }
  if (aFull && b.size === 1 && a.isCContiguous()) {
    kernel(ad, a.offset, 1, bd, b.offset, 0, o, 0, size);
    return cStrides(shape);
  }
  if (bFull && a.size === 1 && b.isCContiguous()) {
    kernel(ad, a.offset, 0, bd, b.offset, 1, o, 0, size);
    return cStrides(shape);
  }
  // One full C-contiguous operand and one broadcast along rows (`x @ W + b`) or columns
  // (`x - x.max(axis=-1, keepdims=True)`): row by row, as the general path below iterates them.
  if (aFull && a.isCContiguous() && b.isCContiguous()) {
    const kind = broadcastKind(b, shape);
    if (kind !== 0) {
      runBroadcast(kernel, ad, a.offset, bd, b.offset, kind, b.size, o, shape[shape.length - 1], false);
      return cStrides(shape);
    }
  } else if (bFull && b.isCContiguous() && a.isCContiguous()) {
    const kind = broadcastKind(a, shape);
    if (kind !== 0) {
      runBroadcast(kernel, bd, b.offset, ad, a.offset, kind, a.size, o, shape[shape.length - 1], true);
      return cStrides(shape);
    }
  }
  // general: K order, coalesce dims, then iterate rows
  let sa0 = broadcastStrides(a, shape);
  let sb0 = broadcastStrides(b, shape);
  let pshape: readonly number[] = shape;
  // C-contiguous operands (also when broadcast) always iterate in C order
  const perm = a.isCContiguous() && b.isCContiguous() ? null : bestAxisOrder(shape, [sa0, sb0]);
  const identity = perm === null || isIdentityPerm(perm);
  if (!identity && perm !== null) {
    pshape = perm.map((p) => shape[p]);
    sa0 = perm.map((p) => sa0[p]);
    sb0 = perm.map((p) => sb0[p]);
  }
  const dims: number[] = [];
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < pshape.length; i++) {
    if (pshape[i] === 1) continue;
    const k = dims.length - 1;
    if (k >= 0 && sa[k] === sa0[i] * pshape[i] && sb[k] === sb0[i] * pshape[i]) {
      dims[k] *= pshape[i];
      sa[k] = sa0[i];
      sb[k] = sb0[i];
    } else {
      dims.push(pshape[i]);
      sa.push(sa0[i]);
      sb.push(sb0[i]);
    }
  }
  const outStrides = identity || perm === null ? cStrides(shape) : stridesForOrder(shape, perm);
  const nd = dims.length;
  if (nd === 0) {
    kernel(ad, a.offset, 0, bd, b.offset, 0, o, 0, 1);
    return outStrides;
  }
  const inner = dims[nd - 1];
  const ias = sa[nd - 1];
  const ibs = sb[nd - 1];
  if (nd === 1) {
    kernel(ad, a.offset, ias, bd, b.offset, ibs, o, 0, inner);
    return outStrides;
  }
  const idx = new Array<number>(nd - 1).fill(0);
  let ai = a.offset;
  let bi = b.offset;
  for (let oi = 0; oi < size; oi += inner) {
    kernel(ad, ai, ias, bd, bi, ibs, o, oi, inner);
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++;
      ai += sa[d];
      bi += sb[d];
      if (idx[d] < dims[d]) break;
      ai -= sa[d] * dims[d];
      bi -= sb[d] * dims[d];
      idx[d] = 0;
    }
  }
  return outStrides;
}

/**
 * How a C-contiguous operand `x` broadcasts to `shape` (two dims or more, the last above 1):
 * 1 when its dims are exactly the trailing dims of `shape` (the same block of x.size values
 * repeats along the leading dims, as `b` in `x @ W + b`), 2 when it has all of `shape`'s dims
 * except a last dim of 1 (one value per row, as in `x - x.max(axis=-1, keepdims=True)`), else 0.
 */
function broadcastKind(x: NDArray, shape: readonly number[]): 0 | 1 | 2 {
  const nd = shape.length;
  const xn = x.shape.length;
  if (nd < 2 || shape[nd - 1] <= 1 || xn === 0 || xn > nd) return 0;
  if (xn === nd) {
    if (x.shape[nd - 1] !== 1) return 0;
    for (let i = 0; i < nd - 1; i++) if (x.shape[i] !== shape[i]) return 0;
    return 2;
  }
  for (let i = 0; i < xn; i++) if (x.shape[i] !== shape[nd - xn + i]) return 0;
  return 1;
}

/**
 * A binary kernel over `f` (full, C-contiguous) and `g` (C-contiguous, broadcast as
 * broadcastKind says: 1 the same block of `gSize` values again and again, 2 one value per row
 * of `inner`). `swap` passes g as the first operand. Same element pairs as the general path.
 */
function runBroadcast(
  kernel: BKernel,
  fd: Float64Array,
  fo: number,
  gd: Float64Array,
  go: number,
  gKind: 1 | 2,
  gSize: number,
  o: Float64Array,
  inner: number,
  swap: boolean,
): void {
  const size = o.length;
  const step = gKind === 1 ? gSize : inner;
  const gs = gKind === 1 ? 1 : 0;
  for (let oi = 0, r = 0; oi < size; oi += step, r++) {
    const gi = gKind === 1 ? go : go + r;
    if (swap) kernel(gd, gi, gs, fd, fo + oi, 1, o, oi, step);
    else kernel(fd, fo + oi, 1, gd, gi, gs, o, oi, step);
  }
}

type UKernel = (a: Float64Array, ai: number, as: number, o: Float64Array, oi: number, n: number) => void;

/** Unary counterpart of runBinary (K-order output); returns the output strides. */
function runUnary(kernel: UKernel, a: NDArray, o: Float64Array): number[] {
  const size = o.length;
  if (size === 0 || a.isCContiguous()) {
    if (size > 0) kernel(a.data, a.offset, 1, o, 0, size);
    return cStrides(a.shape);
  }
  const perm = bestAxisOrder(a.shape, [a.strides]);
  const identity = isIdentityPerm(perm);
  const pshape = identity ? a.shape : perm.map((p) => a.shape[p]);
  const pst = identity ? a.strides : perm.map((p) => a.strides[p]);
  const shape: number[] = [];
  const st: number[] = [];
  for (let i = 0; i < pshape.length; i++) {
    if (pshape[i] === 1) continue;
    const k = shape.length - 1;
    if (k >= 0 && st[k] === pst[i] * pshape[i]) {
      shape[k] *= pshape[i];
      st[k] = pst[i];
    } else {
      shape.push(pshape[i]);
      st.push(pst[i]);
    }
  }
  const outStrides = identity ? cStrides(a.shape) : stridesForOrder(a.shape, perm);
  const nd = shape.length;
  if (nd === 0) {
    kernel(a.data, a.offset, 0, o, 0, 1);
    return outStrides;
  }
  const inner = shape[nd - 1];
  const is = st[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let ai = a.offset;
  for (let oi = 0; oi < size; oi += inner) {
    kernel(a.data, ai, is, o, oi, inner);
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++;
      ai += st[d];
      if (idx[d] < shape[d]) break;
      ai -= st[d] * shape[d];
      idx[d] = 0;
    }
  }
  return outStrides;
}

// ---------------------------------------------------------------------------
// Type resolution of binary ops

const UFUNC_NAME: Partial<Record<BinaryOp, string>> = { true_divide: 'divide' };

function ufuncName(op: BinaryOp): string {
  return UFUNC_NAME[op] ?? op;
}

const COMPARISONS = new Set<BinaryOp>(['equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal']);

function notSupported(name: string): UFuncTypeError {
  return new UFuncTypeError(
    'TypeError',
    `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
  );
}

interface Resolved {
  /** dtype in which the loop computes (inputs are cast to it) */
  loop: DType;
  /** dtype of the result */
  out: DType;
  kernel: BKernel;
}

/** Resolutions already made, by op, then by the two effective input type codes. */
const RESOLVED = new Map<BinaryOp, (Resolved | undefined)[]>();

function resolveBinary(op: BinaryOp, a: Operand, b: Operand): Resolved {
  const A = a.array;
  const B = b.array;
  let ta = dtypeT(A.dtype);
  let tb = dtypeT(B.dtype);
  const wa = a.weak && A.ndim === 0;
  const wb = b.weak && B.ndim === 0;
  if (wa !== wb) {
    if (wa && KIND[ta] <= KIND[tb]) ta = minScalarT(A.data[A.offset], A.dtype);
    else if (wb && KIND[tb] <= KIND[ta]) tb = minScalarT(B.data[B.offset], B.dtype);
  }
  let cache = RESOLVED.get(op);
  if (cache === undefined) {
    cache = new Array<Resolved | undefined>(144).fill(undefined);
    RESOLVED.set(op, cache);
  }
  const key = ta * 12 + tb;
  let r = cache[key];
  if (r === undefined) {
    r = resolveTypes(op, ta, tb);
    cache[key] = r;
  }
  return r;
}

function resolveTypes(op: BinaryOp, ta: number, tb: number): Resolved {
  let common = promoteT(ta, tb);
  const kind = KIND[common];
  switch (op) {
    case 'subtract':
      if (common === B1) {
        throw new NumpyError(
          'TypeError',
          'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
        );
      }
      break;
    case 'true_divide':
      if (kind !== 2) common = F8;
      break;
    case 'floor_divide':
    case 'remainder':
    case 'power':
      if (common === B1) common = I1;
      break;
    case 'arctan2':
      if (kind !== 2) common = FLOAT_BY_BITS[BITS[common] <= 8 ? 16 : BITS[common] <= 16 ? 32 : 64];
      break;
    case 'bitwise_and':
    case 'bitwise_or':
    case 'bitwise_xor':
      if (kind === 2) throw notSupported(op);
      break;
    default:
      break;
  }
  const loop = tDtype(common);
  const isBoolOut = COMPARISONS.has(op) || op === 'logical_and' || op === 'logical_or';
  let kernel: BKernel | undefined;
  if (loop === 'bool') kernel = BOOL_KERNELS[op] ?? I_KERNELS[op] ?? F_KERNELS[op];
  else if (loop === 'int64') kernel = I_KERNELS[op] ?? F_KERNELS[op];
  else kernel = F_KERNELS[op];
  if (kernel === undefined) throw notSupported(op);
  return { loop, out: isBoolOut ? 'bool' : loop, kernel };
}

const KIND_OF: Record<DType, number> = { bool: 0, int64: 1, float32: 2, float64: 2 };

function canCastSameKind(from: DType, to: DType): boolean {
  return KIND_OF[from] <= KIND_OF[to];
}

/** Brings an operand into the loop dtype (only scalars ever need it: float32 loops with float64/int scalars). */
function toLoop(a: NDArray, loop: DType): NDArray {
  if (loop === 'float32' && a.dtype !== 'float32' && a.dtype !== 'bool') {
    if (a.size === 1 && a.ndim === 0) return NDArray.scalar(a.data[a.offset], 'float32');
    const c = a.astype('float32');
    return c;
  }
  return a;
}

function froundAll(o: Float64Array): void {
  for (let i = 0; i < o.length; i++) {
    const v = o[i];
    const r = Math.fround(v);
    o[i] = r;
    if (r - r !== 0 && v - v === 0) fpFlags |= FPE_OVERFLOW;
  }
}

/**
 * A binary ufunc with broadcasting. With `out` (in-place operators), the result is cast into out
 * with the same_kind rule and written there; out is returned.
 */
export function binary(op: BinaryOp, a: Operand, b: Operand, out?: NDArray, warn?: WarningSink): NDArray {
  const r = resolveBinary(op, a, b);
  if (out !== undefined && !canCastSameKind(r.out, out.dtype)) {
    throw new UFuncTypeError(
      'numpy.core._exceptions._UFuncOutputCastingError',
      `Cannot cast ufunc '${ufuncName(op)}' output from dtype('${r.out}') to dtype('${out.dtype}') with casting rule 'same_kind'`,
    );
  }
  const A = toLoop(a.array, r.loop);
  const B = toLoop(b.array, r.loop);
  let shape: number[];
  if (shapesEqual(A.shape, B.shape)) shape = A.shape.slice();
  else shape = broadcastShapesUfunc(out === undefined ? [A.shape, B.shape] : [A.shape, B.shape, out.shape]);
  if (out !== undefined) {
    const full = broadcastShapesUfunc([A.shape, B.shape, out.shape]);
    if (!shapesEqual(full, out.shape)) {
      throw new NumpyError(
        'ValueError',
        `non-broadcastable output operand with shape ${compactShapeStr(out.shape)} doesn't match the broadcast shape ${compactShapeStr(full)}`,
      );
    }
  }
  const o = allocData(shapeSize(shape), shape, r.out);
  fpFlags = 0;
  intDivZero = false;
  const ost = runBinary(r.kernel, A, B, shape, o);
  if (r.loop === 'float32' && r.out === 'float32') froundAll(o);
  let flags = fpFlags;
  if (intDivZero) flags |= FPE_DIVIDEBYZERO;
  if (flags !== 0) {
    const allScalar = a.scalar === true && b.scalar === true;
    reportFlags(flags, (allScalar ? 'scalar ' : '') + ufuncName(op), warn);
  }
  const res = new NDArray(o, shape, ost, 0, r.out, null);
  if (out !== undefined) {
    out.assign(res);
    return out;
  }
  return res;
}

/**
 * The `**` operator: NumPy's fast_scalar_power (float array ** 2 -> square, ** 0.5 -> sqrt,
 * ** -1 -> reciprocal, ** 1 -> copy, ** 0 -> ones; int array ** 2 -> square) before np.power.
 * `inplace` is for `**=` (then `out` must be a.array).
 */
export function powerOperator(a: Operand, b: Operand, out?: NDArray, warn?: WarningSink): NDArray {
  const A = a.array;
  if (!a.weak && b.weak && b.array.ndim === 0 && b.array.dtype !== 'bool') {
    const e = b.array.data[b.array.offset];
    if (A.dtype === 'float64' || A.dtype === 'float32') {
      let r: NDArray | null = null;
      if (e === 1) r = A.copy();
      else if (e === -1) r = unary('reciprocal', { array: A, weak: false }, warn);
      else if (e === 0) r = NDArray.full(A.shape, 1, A.dtype);
      else if (e === 0.5) r = unary('sqrt', { array: A, weak: false }, warn);
      else if (e === 2) r = unary('square', { array: A, weak: false }, warn);
      if (r !== null) {
        if (out !== undefined) {
          out.assign(r);
          return out;
        }
        return r;
      }
    } else if (e === 2) {
      let src = A;
      if (out === undefined && b.array.dtype !== 'int64' && A.dtype === 'int64') src = A.astype('float64');
      const r = unary('square', { array: src, weak: false }, warn);
      if (out !== undefined) {
        out.assign(r);
        return out;
      }
      return r;
    }
  }
  return binary('power', a, b, out, warn);
}

// ---------------------------------------------------------------------------
// Unary ops

function mapKernel(f: (x: number) => number): UKernel {
  return (a, ai, as, o, oi, n) => {
    for (let i = 0; i < n; i++, ai += as) o[oi + i] = f(a[ai]);
  };
}

function flagUnary(x: number, r: number): void {
  if (r !== r) {
    if (x === x) fpFlags |= FPE_INVALID;
  } else if (x - x === 0) fpFlags |= FPE_OVERFLOW;
}

/** Unary float kernel with the generic NaN/overflow check. */
function checkedKernel(f: (x: number) => number): UKernel {
  return (a, ai, as, o, oi, n) => {
    for (let i = 0; i < n; i++, ai += as) {
      const x = a[ai];
      const r = f(x);
      o[oi + i] = r;
      if (r - r !== 0) flagUnary(x, r);
    }
  };
}

/** log-like: 0 -> -inf (divide by zero), below the domain -> nan (invalid). */
function logKernel(f: (x: number) => number, pole: number): UKernel {
  return (a, ai, as, o, oi, n) => {
    for (let i = 0; i < n; i++, ai += as) {
      const x = a[ai];
      const r = f(x);
      o[oi + i] = r;
      if (r - r !== 0) {
        if (x === pole) fpFlags |= FPE_DIVIDEBYZERO;
        else if (r !== r && x === x) fpFlags |= FPE_INVALID;
      }
    }
  };
}

const expKernel: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    const r = npExp(x);
    o[oi + i] = r;
    if (r === Infinity && x !== Infinity) fpFlags |= FPE_OVERFLOW;
  }
};

const logKernelF64: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    const r = npLog(x);
    o[oi + i] = r;
    if (r - r !== 0) {
      if (x === 0) fpFlags |= FPE_DIVIDEBYZERO;
      else if (r !== r && x === x) fpFlags |= FPE_INVALID;
    }
  }
};

const expKernel32: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    const r = npExp32(x);
    o[oi + i] = r;
    if (r === Infinity && x !== Infinity) fpFlags |= FPE_OVERFLOW;
  }
};

const logKernel32: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    const r = npLog32(x);
    o[oi + i] = r;
    if (r - r !== 0) {
      if (x === 0) fpFlags |= FPE_DIVIDEBYZERO;
      else if (r !== r && x === x) fpFlags |= FPE_INVALID;
    }
  }
};

const tanhKernel32: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) o[oi + i] = npTanh32(a[ai]);
};

const sqrtKernel: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    const r = Math.sqrt(x);
    o[oi + i] = r;
    if (r !== r && x === x) fpFlags |= FPE_INVALID;
  }
};

const squareKernelF: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    const r = x * x;
    o[oi + i] = r;
    if (r === Infinity && x - x === 0) fpFlags |= FPE_OVERFLOW;
  }
};

const squareKernelI: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    let r = x * x;
    if (r >= 9007199254740992) r = Number(BigInt.asIntN(64, BigInt(x) * BigInt(x)));
    o[oi + i] = r;
  }
};

const negKernelF: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) o[oi + i] = -a[ai];
};

const negKernelI: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const r = 0 - a[ai];
    o[oi + i] = r >= TWO63 ? wrapInt64(r) : r;
  }
};

const absKernel: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) o[oi + i] = Math.abs(a[ai]);
};

const copyKernel: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) o[oi + i] = a[ai];
};

const tanhKernel: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) o[oi + i] = npTanh(a[ai]);
};

const signKernel: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    o[oi + i] = x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x;
  }
};

const reciprocalKernelF: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    const r = 1 / x;
    o[oi + i] = r;
    if (r - r !== 0) flagDivide(1, x, r);
  }
};

const reciprocalKernelI: UKernel = (a, ai, as, o, oi, n) => {
  for (let i = 0; i < n; i++, ai += as) {
    const x = a[ai];
    if (x === 0) {
      fpFlags |= FPE_DIVIDEBYZERO | FPE_INVALID;
      o[oi + i] = -TWO63;
    } else o[oi + i] = toInt64(1 / x);
  }
};

const FLOAT_UNARY: Partial<Record<UnaryOp, UKernel>> = {
  exp: expKernel,
  log: logKernelF64,
  log2: logKernel(F64.log2, 0),
  log10: logKernel(F64.log10, 0),
  log1p: logKernel(F64.log1p, -1),
  expm1: checkedKernel(F64.expm1),
  sqrt: sqrtKernel,
  square: squareKernelF,
  tanh: tanhKernel,
  sinh: checkedKernel(F64.sinh),
  cosh: checkedKernel(F64.cosh),
  sin: checkedKernel(F64.sin),
  cos: checkedKernel(F64.cos),
  tan: checkedKernel(F64.tan),
  arcsin: checkedKernel(F64.arcsin),
  arccos: checkedKernel(F64.arccos),
  arctan: mapKernel(F64.arctan),
  floor: mapKernel(Math.floor),
  ceil: mapKernel(Math.ceil),
  rint: mapKernel(rint),
  trunc: mapKernel(Math.trunc),
  reciprocal: reciprocalKernelF,
  negative: negKernelF,
  positive: copyKernel,
  absolute: absKernel,
  sign: signKernel,
};

/** float32 arrays: NumPy's own float32 loops, where they differ from the float64 kernel rounded. */
const FLOAT32_UNARY: Partial<Record<UnaryOp, UKernel>> = {
  sin: checkedKernel(F32.sin),
  cos: checkedKernel(F32.cos),
  arctan: mapKernel(F32.arctan),
  sinh: checkedKernel(F32.sinh),
  cosh: checkedKernel(F32.cosh),
  log2: logKernel(F32.log2, 0),
  log10: logKernel(F32.log10, 0),
  log1p: logKernel(F32.log1p, -1),
  expm1: checkedKernel(F32.expm1),
};

const FLOAT_FUNCS = new Set<UnaryOp>([
  'exp', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sqrt', 'tanh', 'sinh', 'cosh', 'sin', 'cos', 'tan',
  'arcsin', 'arccos', 'arctan', 'floor', 'ceil', 'rint', 'trunc',
]);

function noLoop(op: string, dtype: DType): UFuncTypeError {
  const cls = dtype === 'bool' ? 'bool_' : dtype;
  return new UFuncTypeError(
    'numpy.core._exceptions._UFuncNoLoopError',
    `ufunc '${op}' did not contain a loop with signature matching types <class 'numpy.dtype[${cls}]'> -> None`,
  );
}

/** A unary ufunc (dtype rules of NumPy 1.24; float16 results of bool inputs become float32). */
export function unary(op: UnaryOp, a: Operand, warn?: WarningSink): NDArray {
  const A = a.array;
  const dt = A.dtype;
  const n = A.size;
  const shape = A.shape.slice();
  let outDtype: DType;
  let kernel: UKernel;
  fpFlags = 0;
  switch (op) {
    case 'isnan':
    case 'isinf':
    case 'isfinite': {
      const o = allocData(n, shape, 'bool');
      const src = A.toFlat();
      if (op === 'isnan') for (let i = 0; i < n; i++) o[i] = src[i] !== src[i] ? 1 : 0;
      else if (op === 'isinf') for (let i = 0; i < n; i++) o[i] = src[i] === Infinity || src[i] === -Infinity ? 1 : 0;
      else for (let i = 0; i < n; i++) o[i] = src[i] - src[i] === 0 ? 1 : 0;
      return NDArray.fromData(o, shape, 'bool');
    }
    case 'logical_not': {
      const o = allocData(n, shape, 'bool');
      const src = A.toFlat();
      for (let i = 0; i < n; i++) o[i] = src[i] === 0 ? 1 : 0;
      return NDArray.fromData(o, shape, 'bool');
    }
    case 'invert': {
      if (dt === 'float64' || dt === 'float32') throw notSupported('invert');
      const o = allocData(n, shape, dt);
      const src = A.toFlat();
      if (dt === 'bool') for (let i = 0; i < n; i++) o[i] = src[i] === 0 ? 1 : 0;
      else for (let i = 0; i < n; i++) o[i] = intInvert(src[i]);
      return NDArray.fromData(o, shape, dt);
    }
    case 'negative':
      if (dt === 'bool') {
        throw new NumpyError(
          'TypeError',
          'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
        );
      }
      outDtype = dt;
      kernel = dt === 'int64' ? negKernelI : negKernelF;
      break;
    case 'positive':
      if (dt === 'bool') throw noLoop('positive', dt);
      outDtype = dt;
      kernel = copyKernel;
      break;
    case 'absolute':
      outDtype = dt;
      kernel = absKernel;
      break;
    case 'sign':
      if (dt === 'bool') throw noLoop('sign', dt);
      outDtype = dt;
      kernel = signKernel;
      break;
    case 'square':
      outDtype = dt === 'bool' ? 'int64' : dt;
      kernel = dt === 'int64' || dt === 'bool' ? squareKernelI : squareKernelF;
      break;
    case 'reciprocal':
      outDtype = dt === 'bool' ? 'int64' : dt;
      kernel = dt === 'int64' || dt === 'bool' ? reciprocalKernelI : reciprocalKernelF;
      break;
    default: {
      if (!FLOAT_FUNCS.has(op)) throw noLoop(op, dt);
      outDtype = dt === 'float32' || dt === 'bool' ? 'float32' : 'float64';
      kernel = FLOAT_UNARY[op] as UKernel;
      if (dt === 'float32') {
        // NumPy's float32 SIMD kernels (not the float64 ones rounded)
        if (op === 'exp') kernel = expKernel32;
        else if (op === 'log') kernel = logKernel32;
        else if (op === 'tanh') kernel = tanhKernel32;
        else if (FLOAT32_UNARY[op]) kernel = FLOAT32_UNARY[op] as UKernel;
      }
      break;
    }
  }
  const memo = MEMO_OPS.has(op) && n > 0 && n <= MEMO_MAX && A.isCContiguous() ? memoFor(op) : null;
  if (memo !== null && memo.dtype === dt && memo.n === n && sameValues(memo.input, A.data, A.offset, n)) {
    const o = allocData(n, shape, outDtype);
    const saved = memo.output;
    if (n <= 64) for (let i = 0; i < n; i++) o[i] = saved[i];
    else o.set(saved.subarray(0, n));
    reportFlags(memo.flags, op, warn);
    return new NDArray(o, shape, cStrides(shape), 0, outDtype, null);
  }
  const o = allocData(n, shape, outDtype);
  const ost = runUnary(kernel, A, o);
  if (outDtype === 'float32' && (dt !== 'float32' || FLOAT_FUNCS.has(op) || op === 'square' || op === 'reciprocal')) {
    froundAll(o);
  }
  if (memo !== null) memo.save(dt, A.data, A.offset, o, fpFlags);
  reportFlags(fpFlags, op, warn);
  return new NDArray(o, shape, ost, 0, outDtype, null);
}

// One-entry memo of the ufuncs whose bit-exact kernels are emulated (./simdmath: exp, log, tanh
// replay SVML's fused multiply-adds in software, ~170 ns an element where NumPy takes ~10):
// a call on exactly the values of the previous call of the same ufunc copies that result, its
// warnings included. The book's softmax, np.exp(x) / np.sum(np.exp(x), ...), is such a pair.
// Values are compared bit for bit (signed zeros apart, any NaN recomputes), so the result is
// always the one the kernel would give.

const MEMO_OPS = new Set<UnaryOp>(['exp', 'log', 'tanh']);
/** Inputs above this many elements are not remembered. */
const MEMO_MAX = 1 << 16;

class UnaryMemo {
  dtype: DType = 'float64';
  n = 0;
  flags = 0;
  input = new Float64Array(0);
  output = new Float64Array(0);

  save(dtype: DType, src: Float64Array, off: number, out: Float64Array, flags: number): void {
    const n = out.length;
    if (this.input.length < n) {
      this.input = new Float64Array(Math.max(n, 2 * this.input.length));
      this.output = new Float64Array(this.input.length);
    }
    const input = this.input;
    const output = this.output;
    if (n <= 64) {
      // plain loops: cheaper than a subarray and two set calls for the small arrays of a forward pass
      for (let i = 0; i < n; i++) {
        input[i] = src[off + i];
        output[i] = out[i];
      }
    } else {
      input.set(src.subarray(off, off + n));
      output.set(out);
    }
    this.dtype = dtype;
    this.n = n;
    this.flags = flags;
  }
}

const MEMOS = new Map<UnaryOp, UnaryMemo>();

function memoFor(op: UnaryOp): UnaryMemo {
  let m = MEMOS.get(op);
  if (m === undefined) {
    m = new UnaryMemo();
    MEMOS.set(op, m);
  }
  return m;
}

/** a[0..n) and b[off..off+n) hold the same doubles (+0 and -0 differ; NaN never matches). */
function sameValues(a: Float64Array, b: Float64Array, off: number, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[off + i];
    if (x !== y || (x === 0 && 1 / x !== 1 / y)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// round, clip, where, isclose, allclose, array_equal

function powerOfTen(n: number): number {
  const p10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
  if (n < 9) return p10[n];
  let ret = 1e9;
  while (--n >= 9) ret *= 10;
  return ret;
}

/** np.round / np.around: multiply by 10**decimals, rint (half to even), divide (PyArray_Round). */
export function round(a: NDArray, decimals: number): NDArray {
  const dt = a.dtype;
  if (decimals >= 0 && (dt === 'int64' || dt === 'bool')) {
    // NumPy returns the input itself for integer arrays; a copy is indistinguishable for values
    return dt === 'bool' ? unary('rint', { array: a, weak: false }) : a.copy();
  }
  const work: DType = dt === 'float32' ? 'float32' : dt === 'bool' ? 'float32' : 'float64';
  const src = a.toFlat();
  const n = src.length;
  const o = allocData(n, a.shape, work);
  if (decimals === 0) {
    for (let i = 0; i < n; i++) o[i] = rint(src[i]);
  } else {
    const f = powerOfTen(Math.abs(decimals));
    if (work === 'float32') {
      const ff = Math.fround(f);
      if (decimals > 0) for (let i = 0; i < n; i++) o[i] = Math.fround(rint(Math.fround(src[i] * ff)) / ff);
      else for (let i = 0; i < n; i++) o[i] = Math.fround(rint(Math.fround(src[i] / ff)) * ff);
    } else if (decimals > 0) for (let i = 0; i < n; i++) o[i] = rint(src[i] * f) / f;
    else for (let i = 0; i < n; i++) o[i] = rint(src[i] / f) * f;
  }
  if (dt === 'int64') {
    for (let i = 0; i < n; i++) o[i] = toInt64(o[i]);
    return NDArray.fromData(o, a.shape.slice(), 'int64');
  }
  return NDArray.fromData(o, a.shape.slice(), work);
}

function asOperand(v: number | Operand): Operand {
  if (typeof v === 'number') {
    return { array: NDArray.scalar(v, Number.isInteger(v) ? 'int64' : 'float64'), weak: true, scalar: true };
  }
  return v;
}

/**
 * np.clip(a, lo, hi). Bounds given as plain numbers are taken as Python ints when integral,
 * else Python floats; pass an Operand to be exact about the kind (e.g. 3.0).
 */
export function clip(a: NDArray, lo: number | Operand | null, hi: number | Operand | null): NDArray {
  if (lo === null && hi === null) throw new NumpyError('ValueError', 'One of max or min must be given');
  const A: Operand = { array: a, weak: false };
  const ops: Operand[] = [A];
  if (lo !== null) ops.push(asOperand(lo));
  if (hi !== null) ops.push(asOperand(hi));
  const dt = resultType(...ops);
  const shape = broadcastShapesUfunc(ops.map((o) => o.array.shape));
  const conv = (o: Operand): NDArray => {
    const x = o.array.broadcastTo(shape);
    return x.dtype === dt ? x : x.astype(dt);
  };
  const x = conv(A).toFlat();
  const l = lo !== null ? conv(asOperand(lo)).toFlat() : null;
  const h = hi !== null ? conv(asOperand(hi)).toFlat() : null;
  const n = x.length;
  const o = allocData(n, shape, dt);
  const isFloat = dt === 'float64' || dt === 'float32';
  for (let i = 0; i < n; i++) {
    let v = x[i];
    if (isFloat) {
      // _NPY_MAX(x, min) / _NPY_MIN(., max) propagate NaN
      if (l !== null && !(v !== v)) v = v >= l[i] || l[i] !== l[i] ? (l[i] !== l[i] ? l[i] : v) : l[i];
      if (h !== null && !(v !== v)) v = v <= h[i] || h[i] !== h[i] ? (h[i] !== h[i] ? h[i] : v) : h[i];
    } else {
      if (l !== null && v < l[i]) v = l[i];
      if (h !== null && v > h[i]) v = h[i];
    }
    o[i] = v;
  }
  return NDArray.fromData(o, shape, dt);
}

/** np.where(cond, x, y). */
export function where(cond: NDArray, x: Operand, y: Operand): NDArray {
  const dt = resultType(x, y);
  const shape = broadcastShapesUfunc([cond.shape, x.array.shape, y.array.shape]);
  const c = cond.broadcastTo(shape).toFlat();
  const xv = x.array.broadcastTo(shape).toFlat();
  const yv = y.array.broadcastTo(shape).toFlat();
  const n = c.length;
  const o = allocData(n, shape, dt);
  for (let i = 0; i < n; i++) o[i] = c[i] !== 0 ? xv[i] : yv[i];
  if (dt === 'float32' || dt === 'int64' || dt === 'bool') {
    for (let i = 0; i < n; i++) {
      const v = o[i];
      o[i] = dt === 'float32' ? Math.fround(v) : dt === 'bool' ? (v !== 0 ? 1 : 0) : toInt64(v);
    }
  }
  return NDArray.fromData(o, shape, dt);
}

/** np.isclose (NumPy 1.24's algorithm, computed with the ufuncs so float32 stays float32). */
export function isclose(a: Operand, b: Operand, rtol: number, atol: number, equalNan: boolean): NDArray {
  let x = a;
  let y = b;
  // y is made inexact: result_type(y, 1.)
  const ydt = resultType(y, { array: NDArray.scalar(1, 'float64'), weak: true });
  if (ydt !== y.array.dtype) y = { array: y.array.astype(ydt), weak: y.weak, scalar: y.scalar };
  const shape = broadcastShapesUfunc([x.array.shape, y.array.shape]);
  const xfin = unary('isfinite', x).toFlat();
  const yfin = unary('isfinite', y).toFlat();
  const allFinite = xfin.every((v) => v !== 0) && yfin.every((v) => v !== 0);
  const within = (xx: Operand, yy: Operand): NDArray => {
    const diff = unary('absolute', { array: binary('subtract', xx, yy), weak: false });
    const tol = binary(
      'add',
      { array: NDArray.scalar(atol, 'float64'), weak: true, scalar: true },
      binaryOp('multiply', { array: NDArray.scalar(rtol, 'float64'), weak: true, scalar: true }, unary('absolute', yy)),
    );
    return binary('less_equal', { array: diff, weak: false }, { array: tol, weak: false });
  };
  if (allFinite) {
    const r = within(x, y);
    return r.shape.length === shape.length ? r : r.broadcastTo(shape).copy();
  }
  const xb = x.array.broadcastTo(shape);
  const yb = y.array.broadcastTo(shape);
  x = { array: xb, weak: false };
  y = { array: yb, weak: false };
  const xf = xb.toFlat();
  const yf = yb.toFlat();
  const n = xf.length;
  const cond = new Float64Array(n);
  const wt = within(x, y).broadcastTo(shape).toFlat();
  for (let i = 0; i < n; i++) {
    const fin = xf[i] - xf[i] === 0 && yf[i] - yf[i] === 0;
    if (fin) cond[i] = wt[i];
    else cond[i] = xf[i] === yf[i] ? 1 : 0;
    if (equalNan && xf[i] !== xf[i] && yf[i] !== yf[i]) cond[i] = 1;
  }
  return NDArray.fromData(cond, shape, 'bool');
}

function binaryOp(op: BinaryOp, a: Operand, b: NDArray): Operand {
  return { array: binary(op, a, { array: b, weak: false }), weak: false };
}

export function allclose(a: Operand, b: Operand, rtol: number, atol: number, equalNan: boolean): boolean {
  const r = isclose(a, b, rtol, atol, equalNan);
  const f = r.toFlat();
  for (let i = 0; i < f.length; i++) if (f[i] === 0) return false;
  return true;
}

/** np.array_equal(a, b) (NaN != NaN). */
export function arrayEqual(a: NDArray, b: NDArray): boolean {
  if (!shapesEqual(a.shape, b.shape)) return false;
  const x = a.toFlat();
  const y = b.toFlat();
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
