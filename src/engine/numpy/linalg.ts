// np.dot, np.matmul (`@`) and np.outer.
//
// The reference NumPy is linked against the reference (netlib) BLAS, whose dgemm/dgemv/ddot
// add the products of each output element one after the other in k order, so a plain
// k-ordered accumulation (i-k-j loops) reproduces its sums exactly. float32 accumulates in
// float32 (sgemm/sdot), integers exactly, bools as OR of ANDs.

import { DType, NumpyError } from './types';
import { NDArray, allocData, compactShapeStr, newaxisShapeStr, shapeSize } from './core';
import { binary, promote } from './ufuncs';
import { gemmF64Wasm, wasmGemmAvailable } from './wasmgemm';

/**
 * Products with at least this many multiply-adds (and two columns or more) run on the
 * WebAssembly SIMD kernel, whose operand copies cost more than they save on smaller ones.
 */
const WASM_MIN_MACS = 256;

function useWasm(M: number, N: number, K: number): boolean {
  return N >= 2 && M * N * K >= WASM_MIN_MACS && wasmGemmAvailable();
}

/**
 * C[M,N] (contiguous, zero-initialised, at c[co..]) += A[M,K] · B[K,N] with arbitrary strides,
 * products added in k order.
 */
function gemm(
  dtype: DType,
  M: number,
  N: number,
  K: number,
  a: Float64Array,
  ao: number,
  as0: number,
  as1: number,
  b: Float64Array,
  bo: number,
  bs0: number,
  bs1: number,
  c: Float64Array,
  co: number,
): void {
  if (dtype === 'float64' || dtype === 'int64') {
    if (useWasm(M, N, K) && gemmF64Wasm(M, N, K, a, ao, as0, as1, b, bo, bs0, bs1, c, co)) {
      // done on the SIMD kernel
    } else if (bs1 === 1) gemmF64(M, N, K, a, ao, as0, as1, b, bo, bs0, c, co);
    else {
      for (let i = 0; i < M; i++) {
        const crow = co + i * N;
        let ap = ao + i * as0;
        for (let k = 0; k < K; k++, ap += as1) {
          const aik = a[ap];
          let bp = bo + k * bs0;
          for (let j = 0; j < N; j++, bp += bs1) c[crow + j] += aik * b[bp];
        }
      }
    }
    if (dtype === 'int64') {
      const end = co + M * N;
      for (let i = co; i < end; i++) {
        const v = c[i];
        if (v >= 9223372036854775808 || v < -9223372036854775808) c[i] = Number(BigInt.asIntN(64, BigInt(v)));
      }
    }
    return;
  }
  if (dtype === 'float32') {
    const f = Math.fround;
    for (let i = 0; i < M; i++) {
      const crow = co + i * N;
      let ap = ao + i * as0;
      for (let k = 0; k < K; k++, ap += as1) {
        const aik = a[ap];
        let bp = bo + k * bs0;
        for (let j = 0; j < N; j++, bp += bs1) c[crow + j] = f(c[crow + j] + f(aik * b[bp]));
      }
    }
    return;
  }
  // bool
  for (let i = 0; i < M; i++) {
    const crow = co + i * N;
    let ap = ao + i * as0;
    for (let k = 0; k < K; k++, ap += as1) {
      if (a[ap] === 0) continue;
      let bp = bo + k * bs0;
      for (let j = 0; j < N; j++, bp += bs1) if (b[bp] !== 0) c[crow + j] = 1;
    }
  }
}

/**
 * float64 C[M,N] = A·B for B with contiguous rows, register-blocked 3x4: every output element
 * is still one accumulator that adds a[i,k]*b[k,j] for k = 0, 1, ... in order (like netlib's
 * dgemm), so the blocking changes speed, not results.
 */
function gemmF64(
  M: number,
  N: number,
  K: number,
  a: Float64Array,
  ao: number,
  as0: number,
  as1: number,
  b: Float64Array,
  bo: number,
  bs0: number,
  c: Float64Array,
  co: number,
): void {
  let i = 0;
  for (; i + 3 <= M; i += 3) {
    const p0 = ao + i * as0;
    const p1 = p0 + as0;
    const p2 = p1 + as0;
    const o0 = co + i * N;
    let j = 0;
    for (; j + 4 <= N; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0; // prettier-ignore
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0; // prettier-ignore
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0; // prettier-ignore
      let bp = bo + j;
      let q = 0;
      for (let k = 0; k < K; k++, bp += bs0, q += as1) {
        const b0 = b[bp];
        const b1 = b[bp + 1];
        const b2 = b[bp + 2];
        const b3 = b[bp + 3];
        const x0 = a[p0 + q];
        const x1 = a[p1 + q];
        const x2 = a[p2 + q];
        s00 += x0 * b0;
        s01 += x0 * b1;
        s02 += x0 * b2;
        s03 += x0 * b3;
        s10 += x1 * b0;
        s11 += x1 * b1;
        s12 += x1 * b2;
        s13 += x1 * b3;
        s20 += x2 * b0;
        s21 += x2 * b1;
        s22 += x2 * b2;
        s23 += x2 * b3;
      }
      let o = o0 + j;
      c[o] = s00;
      c[o + 1] = s01;
      c[o + 2] = s02;
      c[o + 3] = s03;
      o += N;
      c[o] = s10;
      c[o + 1] = s11;
      c[o + 2] = s12;
      c[o + 3] = s13;
      o += N;
      c[o] = s20;
      c[o + 1] = s21;
      c[o + 2] = s22;
      c[o + 3] = s23;
    }
    for (; j < N; j++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let bp = bo + j;
      let q = 0;
      for (let k = 0; k < K; k++, bp += bs0, q += as1) {
        const bv = b[bp];
        s0 += a[p0 + q] * bv;
        s1 += a[p1 + q] * bv;
        s2 += a[p2 + q] * bv;
      }
      c[o0 + j] = s0;
      c[o0 + N + j] = s1;
      c[o0 + 2 * N + j] = s2;
    }
  }
  for (; i < M; i++) {
    const p0 = ao + i * as0;
    const o0 = co + i * N;
    let j = 0;
    for (; j + 4 <= N; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let bp = bo + j;
      let ap = p0;
      for (let k = 0; k < K; k++, bp += bs0, ap += as1) {
        const x = a[ap];
        s0 += x * b[bp];
        s1 += x * b[bp + 1];
        s2 += x * b[bp + 2];
        s3 += x * b[bp + 3];
      }
      c[o0 + j] = s0;
      c[o0 + j + 1] = s1;
      c[o0 + j + 2] = s2;
      c[o0 + j + 3] = s3;
    }
    for (; j < N; j++) {
      let s = 0;
      let bp = bo + j;
      let ap = p0;
      for (let k = 0; k < K; k++, bp += bs0, ap += as1) s += a[ap] * b[bp];
      c[o0 + j] = s;
    }
  }
}

function castTo(a: NDArray, dtype: DType): NDArray {
  return a.dtype === dtype ? a : a.astype(dtype);
}

/** np.dot. */
export function dot(a: NDArray, b: NDArray): NDArray {
  const dtype = promote(a.dtype, b.dtype);
  if (a.ndim === 0 || b.ndim === 0) {
    return binary('multiply', { array: castTo(a, dtype), weak: false }, { array: castTo(b, dtype), weak: false });
  }
  const A = castTo(a, dtype);
  const B = castTo(b, dtype);
  const K = A.shape[A.ndim - 1];
  const kdim = B.ndim >= 2 ? B.ndim - 2 : 0;
  const Kb = B.shape[kdim];
  if (K !== Kb) {
    throw new NumpyError(
      'ValueError',
      `shapes ${compactShapeStr(a.shape)} and ${compactShapeStr(b.shape)} not aligned: ${K} (dim ${a.ndim - 1}) != ${Kb} (dim ${kdim})`,
    );
  }
  const aLead = A.shape.slice(0, -1);
  const M = shapeSize(aLead);
  if (B.ndim === 1) {
    const out = allocData(M, aLead, dtype);
    // rows of A: iterate the leading dims in C order
    const rows = leadingOffsets(A);
    const bs = B.strides[0];
    const as1 = A.strides[A.ndim - 1];
    for (let i = 0; i < M; i++) {
      gemm(dtype, 1, 1, K, A.data, rows[i], 0, as1, B.data, B.offset, bs, 0, out, i);
    }
    return NDArray.fromData(out, aLead, dtype);
  }
  const N = B.shape[B.ndim - 1];
  const bLead = B.shape.slice(0, -2);
  const Q = shapeSize(bLead);
  const shape = [...aLead, ...bLead, N];
  const out = allocData(shapeSize(shape), shape, dtype);
  if (A.ndim <= 2 && B.ndim === 2) {
    const as0 = A.ndim === 2 ? A.strides[0] : 0;
    const as1 = A.strides[A.ndim - 1];
    let Bc = B;
    if (B.strides[1] !== 1 && N > 1 && dtype === 'float64' && !useWasm(M, N, K)) Bc = B.copy();
    gemm(dtype, M, N, K, A.data, A.offset, as0, as1, Bc.data, Bc.offset, Bc.strides[0], Bc.strides[1], out, 0);
    return NDArray.fromData(out, shape, dtype);
  }
  // N-D · M-D: out[i..., j..., n] = sum_k A[i..., k] B[j..., k, n]
  const aRows = leadingOffsets(A);
  const bMats = leadingOffsets(B, 2);
  const as1 = A.strides[A.ndim - 1];
  const bs0 = B.strides[B.ndim - 2];
  const bs1 = B.strides[B.ndim - 1];
  let o = 0;
  for (let i = 0; i < M; i++) {
    for (let q = 0; q < Q; q++) {
      gemm(dtype, 1, N, K, A.data, aRows[i], 0, as1, B.data, bMats[q], bs0, bs1, out, o);
      o += N;
    }
  }
  return NDArray.fromData(out, shape, dtype);
}

/** Offsets of the sub-arrays formed by all but the last `core` dims, in C order. */
function leadingOffsets(a: NDArray, core = 1): number[] {
  const lead = a.shape.slice(0, a.ndim - core);
  const st = a.strides.slice(0, a.ndim - core);
  const n = shapeSize(lead);
  const res = new Array<number>(n);
  const idx = new Array<number>(lead.length).fill(0);
  let off = a.offset;
  for (let i = 0; i < n; i++) {
    res[i] = off;
    for (let d = lead.length - 1; d >= 0; d--) {
      idx[d]++;
      off += st[d];
      if (idx[d] < lead[d]) break;
      off -= st[d] * lead[d];
      idx[d] = 0;
    }
  }
  return res;
}

const MATMUL_SIG = '(n?,k),(k,m?)->(n?,m?)';

/** np.matmul / the `@` operator. */
export function matmul(a: NDArray, b: NDArray): NDArray {
  if (a.ndim === 0 || b.ndim === 0) {
    const which = a.ndim === 0 ? 0 : 1;
    throw new NumpyError(
      'ValueError',
      `matmul: Input operand ${which} does not have enough dimensions (has 0, gufunc core with signature ${MATMUL_SIG} requires 1)`,
    );
  }
  const dtype = promote(a.dtype, b.dtype);
  const A = castTo(a, dtype);
  const B = castTo(b, dtype);
  const aVec = A.ndim === 1;
  const bVec = B.ndim === 1;
  // core dims
  const n = aVec ? 1 : A.shape[A.ndim - 2];
  const K = A.shape[A.ndim - 1];
  const Kb = bVec ? B.shape[0] : B.shape[B.ndim - 2];
  const m = bVec ? 1 : B.shape[B.ndim - 1];
  if (K !== Kb) {
    throw new NumpyError(
      'ValueError',
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${MATMUL_SIG} (size ${Kb} is different from ${K})`,
    );
  }
  const aBatch = aVec ? [] : A.shape.slice(0, -2);
  const bBatch = bVec ? [] : B.shape.slice(0, -2);
  const nb = Math.max(aBatch.length, bBatch.length);
  const batch = new Array<number>(nb).fill(1);
  let ok = true;
  for (let i = 0; i < nb; i++) {
    const x = i - (nb - aBatch.length) >= 0 ? aBatch[i - (nb - aBatch.length)] : 1;
    const y = i - (nb - bBatch.length) >= 0 ? bBatch[i - (nb - bBatch.length)] : 1;
    if (x !== y && x !== 1 && y !== 1) ok = false;
    batch[i] = x === 1 ? y : x;
  }
  if (!ok) {
    const remap = (orig: readonly number[], own: readonly number[]): string => {
      const rem: number[] = [];
      for (let i = 0; i < nb - own.length; i++) rem.push(-1);
      rem.push(...own, -1, -1);
      return `${compactShapeStr(orig)}->${newaxisShapeStr(rem)} `;
    };
    const req: number[] = new Array<number>(nb).fill(-1);
    if (!aVec) req.push(n);
    if (!bVec) req.push(m);
    throw new NumpyError(
      'ValueError',
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a.shape, aBatch)}${remap(b.shape, bBatch)} and requested shape ${newaxisShapeStr(req)}`,
    );
  }
  const outShape = [...batch];
  if (!aVec) outShape.push(n);
  if (!bVec) outShape.push(m);
  const nbatch = shapeSize(batch);
  const out = allocData(shapeSize(outShape), outShape, dtype);
  // strides of the core matrices
  const as0 = aVec ? 0 : A.strides[A.ndim - 2];
  const as1 = A.strides[A.ndim - 1];
  const bs0 = bVec ? B.strides[0] : B.strides[B.ndim - 2];
  const bs1 = bVec ? 0 : B.strides[B.ndim - 1];
  const aBS = batchStrides(A, aBatch, nb, aVec);
  const bBS = batchStrides(B, bBatch, nb, bVec);
  const idx = new Array<number>(nb).fill(0);
  let ao = A.offset;
  let bo = B.offset;
  for (let t = 0; t < nbatch; t++) {
    gemm(dtype, n, m, K, A.data, ao, as0, as1, B.data, bo, bs0, bs1, out, t * n * m);
    for (let d = nb - 1; d >= 0; d--) {
      idx[d]++;
      ao += aBS[d];
      bo += bBS[d];
      if (idx[d] < batch[d]) break;
      ao -= aBS[d] * batch[d];
      bo -= bBS[d] * batch[d];
      idx[d] = 0;
    }
  }
  return NDArray.fromData(out, outShape, dtype);
}

function batchStrides(a: NDArray, own: readonly number[], nb: number, vec: boolean): number[] {
  const st = new Array<number>(nb).fill(0);
  if (vec) return st;
  const off = nb - own.length;
  for (let i = 0; i < own.length; i++) st[off + i] = own[i] === 1 ? 0 : a.strides[i];
  return st;
}

/** np.outer: multiply(a.ravel()[:, None], b.ravel()[None, :]). */
export function outer(a: NDArray, b: NDArray): NDArray {
  const x = a.ravel();
  const y = b.ravel();
  const col = x.reshape([x.size, 1]);
  const row = y.reshape([1, y.size]);
  return binary('multiply', { array: col, weak: false }, { array: row, weak: false });
}
