// Micro-benchmark of the NDArray hot path of a 784-50-10 network forward pass with batch 3:
// dot (3,784)x(784,50), broadcast add, ReLU via maximum + mask, dot (3,50)x(50,10),
// softmax over axis 1 (max, subtract, exp, sum, divide) and log.
// Run: cd /work/main && node --import tsx bench/ndarray-micro.ts
// The same loop for CPython + NumPy is printed with --python (run it with /usr/bin/python3).

import { NDArray, binary, dot, reduce, unary, type Operand } from '../src/engine/numpy/ndarray';

const ITER = Number(process.env.ITER ?? 10000);

const PYTHON = `import numpy as np, time
rng = np.random.default_rng(0)
x = rng.random((3, 784)); W1 = rng.standard_normal((784, 50)) * 0.01; b1 = np.zeros(50)
W2 = rng.standard_normal((50, 10)) * 0.01; b2 = np.zeros(10)
t0 = time.perf_counter()
for _ in range(${ITER}):
    a1 = np.dot(x, W1) + b1
    mask = a1 <= 0
    z1 = np.maximum(a1, 0)
    a2 = np.dot(z1, W2) + b2
    c = np.max(a2, axis=1, keepdims=True)
    e = np.exp(a2 - c)
    y = e / np.sum(e, axis=1, keepdims=True)
    l = np.log(y + 1e-7)
print(f"numpy: {(time.perf_counter() - t0) * 1000:.0f} ms for ${ITER} iterations")
`;

if (process.argv.includes('--python')) {
  process.stdout.write(PYTHON);
} else {
  // deterministic pseudo-random inputs
  let seed = 12345;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const arr = (shape: number[], scale: number, center: number): NDArray => {
    const n = shape.reduce((p, q) => p * q, 1);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = (rnd() - center) * scale;
    return NDArray.fromFlat(v, shape, 'float64');
  };
  const op = (a: NDArray): Operand => ({ array: a, weak: false });
  const sc = (v: number): Operand => ({ array: NDArray.scalar(v, Number.isInteger(v) ? 'int64' : 'float64'), weak: true, scalar: true });
  const x = arr([3, 784], 1, 0);
  const W1 = arr([784, 50], 0.02, 0.5);
  const b1 = NDArray.zeros([50], 'float64');
  const W2 = arr([50, 10], 0.02, 0.5);
  const b2 = NDArray.zeros([10], 'float64');
  const forward = (): NDArray => {
    const a1 = binary('add', op(dot(x, W1)), op(b1));
    binary('less_equal', op(a1), sc(0));
    const z1 = binary('maximum', op(a1), sc(0));
    const a2 = binary('add', op(dot(z1, W2)), op(b2));
    const c = reduce('max', a2, 1, true);
    const e = unary('exp', op(binary('subtract', op(a2), op(c))));
    const y = binary('true_divide', op(e), op(reduce('sum', e, 1, true)));
    return unary('log', op(binary('add', op(y), sc(1e-7))));
  };
  for (let i = 0; i < 500; i++) forward(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < ITER; i++) forward();
  const ms = performance.now() - t0;
  console.log(`ndarray.ts: ${ms.toFixed(0)} ms for ${ITER} iterations (${((ms * 1000) / ITER).toFixed(1)} us per forward pass)`);
}
