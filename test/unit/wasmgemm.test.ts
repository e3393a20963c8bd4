// The WebAssembly SIMD matrix kernel (src/engine/numpy/wasmgemm.ts) must give the bits of the
// plain k-ordered sum every output element is defined by (netlib dgemm's order): compared here
// bit for bit with a reference triple loop and with the scalar JavaScript kernel, on shapes
// that reach every edge of its 3-row x 4-column blocking, on strided and reversed views, and
// on values whose sums change if the products were fused or reassociated.
//
// Run: cd /work/main && node --import tsx --test test/unit/wasmgemm.test.ts

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NDArray, dot, matmul } from '../../src/engine/numpy/ndarray';
import { buildGemmModule, setWasmGemmOptions, wasmGemmAvailable } from '../../src/engine/numpy/wasmgemm';

// Deterministic values with wide exponent ranges, signed zeros and cancellations.
let seed = 20240601;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
function value(): number {
  const r = rnd();
  if (r < 0.03) return 0;
  if (r < 0.05) return -0;
  const mag = 2 ** Math.floor(rnd() * 60 - 30);
  return (rnd() - 0.5) * mag * (1 + 2 ** -30 * rnd());
}
function matrix(rows: number, cols: number, dtype: 'float64' | 'int64' = 'float64'): NDArray {
  const v = new Float64Array(rows * cols);
  for (let i = 0; i < v.length; i++) v[i] = dtype === 'int64' ? Math.floor((rnd() - 0.5) * 2 ** 20) : value();
  return NDArray.fromFlat(v, [rows, cols], dtype);
}

/** C[i,j] = ((0 + A[i,0]*B[0,j]) + A[i,1]*B[1,j]) + ... */
function reference(a: NDArray, b: NDArray): Float64Array {
  const [M, K] = a.shape;
  const N = b.shape[1];
  const out = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += (a.getAt([i, k]) as number) * (b.getAt([k, j]) as number);
      out[i * N + j] = s;
    }
  }
  return out;
}

function flat(x: NDArray): Float64Array {
  return x.toFlat();
}

function sameBits(got: Float64Array, want: Float64Array, what: string): void {
  assert.equal(got.length, want.length, what);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) assert.fail(`${what}: element ${i} is ${got[i]}, want ${want[i]}`);
  }
}

function both(f: () => NDArray): { simd: Float64Array; scalar: Float64Array } {
  setWasmGemmOptions({ enabled: true });
  const simd = flat(f());
  setWasmGemmOptions({ enabled: false });
  const scalar = flat(f());
  setWasmGemmOptions({ enabled: true });
  return { simd, scalar };
}

describe('WebAssembly SIMD gemm', () => {
  after(() => setWasmGemmOptions({ enabled: true, maxBytes: 16 * 1024 * 1024 }));

  it('is a valid module and is in use on this Node', () => {
    assert.ok(WebAssembly.validate(buildGemmModule()));
    assert.ok(wasmGemmAvailable());
  });

  it('adds the products in k order, on every shape edge of the blocking', () => {
    for (const M of [1, 2, 3, 4, 5, 6, 7]) {
      for (const N of [2, 3, 4, 5, 6, 7, 8, 9, 50]) {
        for (const K of [1, 2, 3, 17, 100]) {
          const a = matrix(M, K);
          const b = matrix(K, N);
          const want = reference(a, b);
          const { simd, scalar } = both(() => dot(a, b));
          sameBits(simd, want, `simd ${M}x${K}x${N}`);
          sameBits(scalar, want, `scalar ${M}x${K}x${N}`);
        }
      }
    }
  });

  it('continues the sums across the chunks of B it copies', () => {
    for (const [M, K, N] of [[3, 784, 50], [5, 40, 600], [2, 1000, 7], [4, 9, 1100]]) {
      const a = matrix(M, K);
      const b = matrix(K, N);
      const want = reference(a, b);
      const { simd, scalar } = both(() => dot(a, b));
      sameBits(simd, want, `simd ${M}x${K}x${N}`);
      sameBits(scalar, want, `scalar ${M}x${K}x${N}`);
    }
  });

  it('reads strided, transposed and reversed operands', () => {
    const base = matrix(40, 60);
    const cases: [string, NDArray, NDArray][] = [
      ['A.T', matrix(30, 7).transpose(), matrix(30, 11)],
      ['B.T', matrix(5, 30), matrix(11, 30).transpose()],
      ['both .T', matrix(30, 7).transpose(), matrix(11, 30).transpose()],
      ['column views', base.view([5, 13], [60, 2], 3), base.view([13, 9], [120, 3], 61)],
      ['reversed rows', base.view([6, 20], [-60, 1], 60 * 39), base.view([20, 10], [60, -1], 30)],
    ];
    for (const [what, a, b] of cases) {
      const want = reference(a, b);
      const { simd, scalar } = both(() => dot(a, b));
      sameBits(simd, want, `simd ${what}`);
      sameBits(scalar, want, `scalar ${what}`);
    }
  });

  it('keeps infinities, NaN and signed zeros', () => {
    const a = NDArray.fromFlat([Infinity, 0, -0, 1, Number.NaN, -0, 1e308, 1e308, -0, -0, -0, -0], [3, 4], 'float64');
    const b = NDArray.fromFlat([1, -0, 2, 3, 0, 5, -0, 7, 1e308, 1, -0, 2, 3, 4, 5, -0, 1, 2, 3, 4], [4, 5], 'float64');
    const want = reference(a, b);
    const { simd, scalar } = both(() => dot(a, b));
    sameBits(simd, want, 'simd special values');
    sameBits(scalar, want, 'scalar special values');
  });

  it('computes int64 products exactly and N-D products batch by batch', () => {
    const a = matrix(7, 33, 'int64');
    const b = matrix(33, 6, 'int64');
    sameBits(both(() => dot(a, b)).simd, reference(a, b), 'int64');
    const x = NDArray.fromFlat(Array.from({ length: 2 * 3 * 8 }, value), [2, 3, 8], 'float64');
    const y = NDArray.fromFlat(Array.from({ length: 2 * 8 * 5 }, value), [2, 8, 5], 'float64');
    const { simd, scalar } = both(() => matmul(x, y));
    sameBits(simd, scalar, 'matmul batches');
  });

  it('cuts large products into row bands when its memory limit is small', () => {
    const a = matrix(23, 40);
    const b = matrix(40, 9);
    const want = reference(a, b);
    setWasmGemmOptions({ maxBytes: (40 * 9 + 4 * (40 + 9)) * 8 });
    sameBits(flat(dot(a, b)), want, 'bands of 4 rows');
    setWasmGemmOptions({ maxBytes: 40 * 9 * 8 });
    sameBits(flat(dot(a, b)), want, 'B too large: scalar kernel');
    setWasmGemmOptions({ maxBytes: 16 * 1024 * 1024 });
  });
});
