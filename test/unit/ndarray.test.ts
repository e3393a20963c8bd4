// NumPy semantics of the NDArray core, written as examples. Every expected value, dtype and
// message below was printed by /usr/bin/python3 (CPython 3.11.2, NumPy 1.24.2).
//
// Run: cd /work/main && node --import tsx --test test/unit/ndarray.test.ts

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  NDArray,
  allclose,
  argsort,
  arrayEqual,
  binary,
  broadcastShapes,
  clip,
  concatenate,
  dot,
  isclose,
  matmul,
  multiIndices,
  nextIndex,
  outer,
  powerOperator,
  promote,
  reduce,
  round,
  setAllocationGuard,
  sort,
  stack,
  unary,
  where,
  type IndexItem,
  type Operand,
} from '../../src/engine/numpy/ndarray';
import type { DType } from '../../src/engine/numpy/types';

// ---------------------------------------------------------------------------
// helpers

const arr = (values: number[], shape: number[] = [values.length], dtype: DType = 'float64'): NDArray =>
  NDArray.fromFlat(values, shape, dtype);
/** np.arange(n).reshape(shape) as int64 (or another dtype) */
const range = (shape: number[], dtype: DType = 'int64'): NDArray =>
  NDArray.arange(0, shape.reduce((a, b) => a * b, 1), 1, dtype).reshape(shape);
const A = (a: NDArray): Operand => ({ array: a, weak: false });
/** a Python scalar: int when integral, else float */
const py = (v: number | boolean): Operand => ({
  array: NDArray.scalar(Number(v), typeof v === 'boolean' ? 'bool' : Number.isInteger(v) ? 'int64' : 'float64'),
  weak: true,
  scalar: true,
});
/** a Python float (e.g. 2.0) */
const pyf = (v: number): Operand => ({ array: NDArray.scalar(v, 'float64'), weak: true, scalar: true });
/** a NumPy scalar such as np.float32(2.5) */
const nps = (v: number, dtype: DType): Operand => ({ array: NDArray.scalar(v, dtype), weak: true, scalar: true });
const list = (a: NDArray | number): number[] => (typeof a === 'number' ? [a] : Array.from(a.toFlat()));
const S = (start: number | null, stop: number | null = null, step: number | null = null): IndexItem => ({
  kind: 'slice',
  start,
  stop,
  step,
});
const I = (value: number): IndexItem => ({ kind: 'int', value });
const IA = (a: NDArray): IndexItem => ({ kind: 'array', array: a });
const ALL = S(null);

/** asserts that fn throws a NumpyError of the given Python type and message */
function raises(fn: () => unknown, pyType: string, message: string): void {
  assert.throws(fn, (e: unknown) => {
    const err = e as { pyType?: string; message: string };
    assert.equal(err.pyType, pyType);
    assert.equal(err.message, message);
    return true;
  });
}

// ---------------------------------------------------------------------------

describe('views share memory', () => {
  it('a slice is a view: writing through it changes the base', () => {
    // a = np.arange(6.); v = a[1:4]; v[0] = 100 -> a == [0, 100, 2, 3, 4, 5]
    const a = NDArray.arange(0, 6, 1, 'float64');
    const v = a.getItem([S(1, 4)]) as NDArray;
    v.setItem([I(0)], 100);
    assert.deepEqual(list(a), [0, 100, 2, 3, 4, 5]);
    assert.equal(v.base, a);
  });

  it('negative steps give negative strides over the same data', () => {
    const a = NDArray.arange(0, 5, 1, 'int64');
    const r = a.getItem([S(null, null, -2)]) as NDArray; // a[::-2]
    assert.deepEqual(list(r), [4, 2, 0]);
    assert.deepEqual(r.strides, [-2]);
    r.fill(-1);
    assert.deepEqual(list(a), [-1, 1, -1, 3, -1]);
  });

  it('.T of a view is still a view of the original data', () => {
    // W = np.zeros((2,3)); W[:, 1:].T[0, 1] = 7 -> W[1, 1] == 7
    const W = NDArray.zeros([2, 3], 'float64');
    const t = (W.getItem([ALL, S(1)]) as NDArray).T;
    assert.deepEqual(t.shape, [2, 2]);
    t.setItem([I(0), I(1)], 7);
    assert.deepEqual(list(W), [0, 0, 0, 0, 7, 0]);
  });

  it('reshape of a contiguous array is a view, of a transposed one a copy', () => {
    const a = range([2, 3]);
    const r = a.reshape([3, -1]);
    assert.deepEqual(r.shape, [3, 2]);
    r.setItem([I(0), I(0)], 42);
    assert.equal(a.getAt([0, 0]), 42);
    const t = a.T.reshape([6]); // np.ones((2,3)).T.reshape(6) copies
    assert.deepEqual(list(t), [42, 3, 1, 4, 2, 5]);
    t.setItem([I(1)], -5);
    assert.equal(a.getAt([1, 0]), 3);
    // a transposed array whose axes still line up reshapes without copying
    const b = range([4, 1, 3]).transpose([1, 0, 2]).reshape([2, 6]);
    assert.deepEqual(list(b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('ravel is a view when contiguous; flatten always copies', () => {
    const a = range([2, 2]);
    a.ravel().setItem([I(3)], 9);
    a.flatten().setItem([I(0)], 9);
    assert.deepEqual(list(a), [0, 1, 2, 9]);
  });

  it('in-place operators write into the same object (params["W1"] is layer.W)', () => {
    const W = arr([1, 2, 3]);
    const held = W; // the layer and the params dict hold the same array
    binary('subtract', A(W), A(binary('multiply', pyf(0.1), A(arr([10, 10, 10])))), W);
    assert.deepEqual(list(held), [0, 1, 2]);
  });

  it('numerical_gradient writes x[idx] in place and restores it', () => {
    const x = arr([1, 2, 3, 4], [2, 2]);
    const tmp = x.getItem([I(1), I(0)]) as number;
    x.setItem([I(1), I(0)], tmp + 1e-4);
    assert.equal(x.getAt([1, 0]), 3.0001);
    x.setItem([I(1), I(0)], tmp);
    assert.deepEqual(list(x), [1, 2, 3, 4]);
  });
});

describe('reshape and transpose', () => {
  it('one unknown dimension is inferred', () => {
    assert.deepEqual(range([2, 3, 4]).reshape([-1, 4]).shape, [6, 4]);
  });

  it('errors print the requested shape like NumPy (unknown dims as newaxis)', () => {
    const a = range([2, 3]);
    raises(() => a.reshape([4]), 'ValueError', 'cannot reshape array of size 6 into shape (4,)');
    raises(() => a.reshape([4, 5]), 'ValueError', 'cannot reshape array of size 6 into shape (4,5)');
    raises(() => a.reshape([4, -1]), 'ValueError', 'cannot reshape array of size 6 into shape (4,newaxis)');
    raises(() => a.reshape([-1, 4]), 'ValueError', 'cannot reshape array of size 6 into shape (4)');
    raises(() => a.reshape([-1, -1]), 'ValueError', 'can only specify one unknown dimension');
  });

  it('transpose errors', () => {
    const a = NDArray.zeros([2, 3], 'float64');
    raises(() => a.transpose([0]), 'ValueError', "axes don't match array");
    raises(() => a.transpose([0, 0]), 'ValueError', 'repeated axis in transpose');
    raises(() => a.transpose([0, 2]), 'numpy.AxisError', 'axis 2 is out of bounds for array of dimension 2');
  });
});

describe('broadcasting', () => {
  it('(3,1) + (4,) -> (3,4)', () => {
    const r = binary('add', A(range([3, 1])), A(range([4])));
    assert.deepEqual(r.shape, [3, 4]);
    assert.deepEqual(list(r), [0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5]);
  });

  it('a (50,) bias broadcasts over a (3,50) batch', () => {
    const r = binary('add', A(NDArray.zeros([3, 50], 'float64')), A(NDArray.arange(0, 50, 1, 'float64')));
    assert.equal(r.getAt([2, 49]), 49);
  });

  it('mismatched shapes: compact shapes with a trailing space', () => {
    raises(
      () => binary('add', A(NDArray.zeros([5, 3], 'float64')), A(NDArray.zeros([4], 'float64'))),
      'ValueError',
      'operands could not be broadcast together with shapes (5,3) (4,) ',
    );
  });

  it('with out= (in-place operators) the messages mention the output', () => {
    raises(
      () => binary('add', A(NDArray.zeros([3], 'float64')), A(NDArray.zeros([4], 'float64')), NDArray.zeros([3], 'float64')),
      'ValueError',
      'operands could not be broadcast together with shapes (3,) (4,) (3,) ',
    );
    const x = NDArray.zeros([3], 'float64');
    raises(
      () => binary('add', A(x), A(NDArray.zeros([2, 3], 'float64')), x),
      'ValueError',
      "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)",
    );
  });

  it('np.broadcast_shapes has its own message', () => {
    assert.deepEqual(broadcastShapes([2, 1], [3]), [2, 3]);
    raises(
      () => broadcastShapes([2, 3], [4]),
      'ValueError',
      'shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2, 3) and arg 1 with shape (4,).',
    );
  });
});

describe('dtype promotion (NumPy 1.24 value-based casting)', () => {
  const f32 = NDArray.zeros([2], 'float32');
  const i64 = NDArray.zeros([2], 'int64');
  const b = NDArray.zeros([2], 'bool');
  const f64 = NDArray.zeros([2], 'float64');
  const dt = (x: Operand, y: Operand, op: Parameters<typeof binary>[0] = 'multiply'): DType => binary(op, x, y).dtype;

  it('array with array: np.promote_types', () => {
    assert.equal(promote('int64', 'float32'), 'float64');
    assert.equal(promote('bool', 'float32'), 'float32');
    assert.equal(promote('bool', 'int64'), 'int64');
    assert.equal(dt(A(i64), A(f32)), 'float64');
    assert.equal(dt(A(f32), A(f64)), 'float64');
  });

  it('array with Python scalar: the scalar only matters when its kind is higher', () => {
    assert.equal(dt(A(i64), py(2.5)), 'float64'); // int64 array * 2.5
    assert.equal(dt(A(i64), py(2)), 'int64');
    assert.equal(dt(A(f32), pyf(2.0)), 'float32'); // float32 array * 2.0 stays float32
    assert.equal(dt(A(b), py(1)), 'int64'); // bool array + 1
    assert.equal(dt(A(b), py(1.5)), 'float64');
    assert.equal(dt(A(b), py(true), 'add'), 'bool');
  });

  it('NumPy scalars are value-based too', () => {
    assert.equal(dt(A(f32), nps(2, 'float64')), 'float32'); // f32 * np.float64(2)
    assert.equal(dt(A(i64), nps(2, 'float32')), 'float64');
    assert.equal(dt(A(b), nps(1, 'float32')), 'float32');
  });

  it('...and their value decides: large scalars need a larger type', () => {
    assert.equal(dt(A(f32), py(65504)), 'float32'); // fits uint16
    assert.equal(dt(A(f32), py(70000)), 'float64'); // uint32 does not fit float32
    assert.equal(dt(A(f32), py(-40000)), 'float64'); // int32
    assert.equal(dt(A(f32), pyf(1e300)), 'float64');
    assert.equal(dt(A(f32), nps(1e300, 'float64')), 'float64');
  });

  it('scalars with scalars promote normally', () => {
    assert.equal(dt(nps(1, 'float32'), pyf(1.0), 'add'), 'float64'); // np.float32(1) + 1.0
    assert.equal(dt(nps(2, 'float32'), py(2)), 'float64');
  });

  it('the scalar is cast into the loop type: float32 array == 0.1 compares in float32', () => {
    assert.deepEqual(list(binary('equal', A(arr([0.1], [1], 'float32')), pyf(0.1))), [1]);
    assert.deepEqual(list(binary('equal', A(arr([0.1], [1], 'float32')), A(arr([0.1])))), [0]);
  });

  it('division, comparisons and bool arithmetic', () => {
    assert.equal(dt(A(i64), A(i64), 'true_divide'), 'float64');
    assert.equal(dt(A(b), A(b), 'true_divide'), 'float64');
    assert.equal(dt(A(f32), py(2), 'true_divide'), 'float32');
    assert.equal(dt(A(f64), A(f64), 'less'), 'bool');
    assert.equal(dt(A(f64), A(i64), 'logical_and'), 'bool');
    assert.deepEqual(list(binary('add', A(arr([1, 0, 1], [3], 'bool')), A(arr([1, 0, 0], [3], 'bool')))), [1, 0, 1]);
  });

  it('type errors', () => {
    raises(
      () => binary('subtract', A(b), A(b)),
      'TypeError',
      'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
    );
    raises(
      () => binary('bitwise_and', A(f64), py(1)),
      'TypeError',
      "ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
    );
    raises(() => binary('power', A(i64), py(-1)), 'ValueError', 'Integers to negative integer powers are not allowed.');
  });

  it('in-place casting uses same_kind: int += float fails (UFuncOutputCastingError)', () => {
    const x = NDArray.zeros([3], 'int64');
    raises(
      () => binary('add', A(x), pyf(1.5), x),
      'TypeError',
      "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'",
    );
    assert.throws(
      () => binary('true_divide', A(x), py(2), x),
      (e: unknown) => (e as { qualName: string }).qualName === 'numpy.core._exceptions._UFuncOutputCastingError',
    );
    // float32 += float64 array is fine (same kind) and stays float32
    const y = NDArray.zeros([2], 'float32');
    binary('add', A(y), A(arr([0.1, 0.2])), y);
    assert.equal(y.dtype, 'float32');
    assert.deepEqual(list(y), [Math.fround(0.1), Math.fround(0.2)]);
  });
});

describe('unary ufuncs', () => {
  it('dtype rules', () => {
    const i = range([3]);
    assert.equal(unary('exp', A(i)).dtype, 'float64');
    assert.equal(unary('sqrt', A(arr([4], [1], 'float32'))).dtype, 'float32');
    assert.equal(unary('absolute', A(arr([-3], [1], 'int64'))).dtype, 'int64');
    assert.equal(unary('floor', A(i)).dtype, 'float64');
    assert.equal(unary('isnan', A(i)).dtype, 'bool');
    raises(
      () => unary('negative', A(arr([1], [1], 'bool'))),
      'TypeError',
      'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
    );
  });

  it('exp, log and tanh reproduce NumPy bit for bit (not Math.exp / Math.log)', () => {
    // NumPy uses SVML / its own SIMD kernels; math.exp(1.7) is 5.4739473917272
    assert.equal(list(unary('exp', A(arr([1.7]))))[0], 5.473947391727199);
    assert.equal(list(unary('log', A(arr([0.3]))))[0], -1.203972804325936); // math.log: -1.2039728043259361
    assert.equal(list(unary('log', A(arr([2.5]))))[0], 0.916290731874155);
    assert.equal(list(unary('tanh', A(arr([0.7]))))[0], 0.6043677771171634); // math.tanh: ...636
  });

  it('rint rounds half to even and keeps the sign of zero', () => {
    assert.deepEqual(list(unary('rint', A(arr([0.5, 1.5, 2.5, -0.5])))), [0, 2, 2, -0]);
  });
});

describe('floating point warnings', () => {
  const collect = (fn: (w: (c: 'RuntimeWarning', m: string) => void) => void): string[] => {
    const out: string[] = [];
    fn((_c, m) => out.push(m));
    return out;
  };

  it('division by zero and 0/0, each reported once per call', () => {
    const w = collect((warn) => binary('true_divide', A(arr([0, 1, 2])), py(0), undefined, warn));
    assert.deepEqual(w, ['divide by zero encountered in divide', 'invalid value encountered in divide']);
  });

  it('log(0), log(-1), exp overflow', () => {
    assert.deepEqual(
      collect((warn) => unary('log', A(arr([0, -1])), warn)),
      ['divide by zero encountered in log', 'invalid value encountered in log'],
    );
    assert.deepEqual(collect((warn) => unary('exp', A(arr([1000])), warn)), ['overflow encountered in exp']);
  });

  it('integer floor division by zero gives 0', () => {
    let r: NDArray | null = null;
    const w = collect((warn) => {
      r = binary('floor_divide', A(range([3])), py(0), undefined, warn);
    });
    assert.deepEqual(list(r as unknown as NDArray), [0, 0, 0]);
    assert.deepEqual(w, ['divide by zero encountered in floor_divide']);
  });

  it('NumPy scalars use scalar math names', () => {
    const w = collect((warn) => binary('true_divide', nps(1, 'float64'), py(0), undefined, warn));
    assert.deepEqual(w, ['divide by zero encountered in scalar divide']);
  });
});

describe('reductions', () => {
  const a = range([2, 3]); // [[0 1 2] [3 4 5]]

  it('axis as int, negative int, tuple; keepdims', () => {
    assert.deepEqual(list(reduce('sum', a, 0, false)), [3, 5, 7]);
    assert.deepEqual(list(reduce('sum', a, -1, false)), [3, 12]);
    assert.deepEqual(list(reduce('sum', a, [0, 1], false)), [15]);
    assert.deepEqual(reduce('sum', a, 1, true).shape, [2, 1]);
    assert.deepEqual(reduce('sum', a, null, false).shape, []);
    assert.deepEqual(reduce('max', a, null, true).shape, [1, 1]);
  });

  it('result dtypes: sum of bool/int is int64, mean of int is float64', () => {
    assert.equal(reduce('sum', arr([1, 1, 0], [3], 'bool'), null, false).dtype, 'int64');
    assert.equal(reduce('mean', a, null, false).dtype, 'float64');
    assert.equal(reduce('mean', arr([1, 2], [2], 'float32'), null, false).dtype, 'float32');
    assert.equal(reduce('max', arr([1, 0], [2], 'bool'), null, false).dtype, 'bool');
    assert.equal(reduce('argmax', a, 1, false).dtype, 'int64');
  });

  it('mean, var, std (ddof)', () => {
    assert.deepEqual(list(reduce('mean', a, 0, false)), [1.5, 2.5, 3.5]);
    assert.deepEqual(list(reduce('var', range([4]), null, false)), [1.25]);
    assert.deepEqual(list(reduce('std', range([4]), null, false, 1)), [1.2909944487358056]);
  });

  it('argmax returns the first maximum; NaN wins', () => {
    assert.deepEqual(list(reduce('argmax', arr([1, 5, 5, 2]), null, false)), [1]);
    assert.deepEqual(list(reduce('argmax', arr([1, NaN, 3]), null, false)), [1]);
    assert.deepEqual(list(reduce('argmin', arr([1, 5, 0, 9], [2, 2]), 1, false)), [0, 0]);
  });

  it('cumsum flattens when axis is None', () => {
    assert.deepEqual(list(reduce('cumsum', arr([1, 1, 1, 1, 1, 1], [2, 3], 'bool'), null, false)), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(list(reduce('cumsum', a, 1, false)), [0, 1, 3, 3, 7, 12]);
  });

  it('errors', () => {
    raises(() => reduce('sum', a, 2, false), 'numpy.AxisError', 'axis 2 is out of bounds for array of dimension 2');
    raises(() => reduce('sum', a, -3, false), 'numpy.AxisError', 'axis -3 is out of bounds for array of dimension 2');
    raises(() => reduce('sum', a, [0, 0], false), 'ValueError', "duplicate value in 'axis'");
    raises(() => reduce('argmax', a, [0, 1], false), 'TypeError', "'tuple' object cannot be interpreted as an integer");
    raises(
      () => reduce('max', NDArray.zeros([0], 'float64'), null, false),
      'ValueError',
      'zero-size array to reduction operation maximum which has no identity',
    );
    raises(() => reduce('argmax', NDArray.zeros([0], 'float64'), null, false), 'ValueError', 'attempt to get argmax of an empty sequence');
    assert.deepEqual(reduce('max', NDArray.zeros([0, 3], 'float64'), 1, false).shape, [0]);
  });

  it('mean of an empty array warns like NumPy', () => {
    const w: string[] = [];
    const r = reduce('mean', NDArray.zeros([0], 'float64'), null, false, 0, (_c, m) => w.push(m));
    assert.ok(Number.isNaN(list(r)[0]));
    assert.deepEqual(w, ['Mean of empty slice.', 'invalid value encountered in scalar divide']);
  });
});

describe('pairwise summation rounds exactly like NumPy', () => {
  // s = 12345; v_i = s_i / 2147483647 - 0.5 with s_{i+1} = s_i * 48271 % 2147483647 (computed the
  // same way in Python; every step is exact or correctly rounded in both languages)
  const values: number[] = [];
  let s = 12345;
  for (let i = 0; i < 1000; i++) {
    s = (s * 48271) % 2147483647;
    values.push(s / 2147483647 - 0.5);
  }
  const v = arr(values);

  it('np.sum(v) == 4.578311657802346 (a naive loop gives 4.578311657802339)', () => {
    assert.equal(list(reduce('sum', v, null, false))[0], 4.578311657802346);
    let naive = 0;
    for (const x of values) naive += x;
    assert.equal(naive, 4.578311657802339);
  });

  it('mean and std', () => {
    assert.equal(list(reduce('mean', v, null, false))[0], 0.004578311657802346);
    assert.equal(list(reduce('std', v, null, false))[0], 0.28807954594891805);
  });

  it('along axis 0 NumPy adds row by row; along axis 1 it is pairwise per row', () => {
    const m = v.reshape([20, 50]);
    assert.deepEqual(list(reduce('sum', m, 0, false)).slice(0, 3), [0.8162104612291838, -2.7048260060627136, 0.3438613467588374]);
    assert.deepEqual(list(reduce('sum', m, 1, false)).slice(0, 3), [-0.010849435353116055, 1.5182855476244752, 0.28780933715766716]);
  });

  it('iteration follows memory order: m.T sums like m, m[:, ::2] sums row blocks', () => {
    const m = v.reshape([20, 50]);
    assert.equal(list(reduce('sum', m.T, null, false))[0], 4.578311657802346);
    assert.equal(list(reduce('sum', m.getItem([ALL, S(null, null, 2)]) as NDArray, null, false))[0], -0.18966319374258678);
  });

  it('float32 sums accumulate in float32', () => {
    const r = reduce('sum', v.astype('float32'), null, false);
    assert.equal(r.dtype, 'float32');
    assert.equal(list(r)[0], 4.578311920166016);
  });
});

describe('indexing', () => {
  it('integer indexes return elements, slices return views', () => {
    const a = range([3, 4]);
    assert.equal(a.getItem([I(1), I(2)]), 6);
    assert.equal(a.getItem([I(-1), I(-1)]), 11);
    const row = a.getItem([I(1)]) as NDArray;
    assert.deepEqual(row.shape, [4]);
    assert.deepEqual((a.getItem([{ kind: 'newaxis' }, I(1)]) as NDArray).shape, [1, 4]);
    assert.deepEqual((a.getItem([{ kind: 'ellipsis' }, I(2)]) as NDArray).shape, [3]);
  });

  it('y[np.arange(n), t] picks one element per row (cross-entropy)', () => {
    const y = arr([0.1, 0.7, 0.2, 0.3, 0.3, 0.4], [2, 3]);
    const r = y.getItem([IA(NDArray.arange(0, 2, 1, 'int64')), IA(arr([1, 2], [2], 'int64'))]) as NDArray;
    assert.deepEqual(list(r), [0.7, 0.4]);
  });

  it('boolean masks read and write (ReLU backward: dout[mask] = 0)', () => {
    const x = arr([1, -2, 3, -4], [2, 2]);
    const mask = binary('less_equal', A(x), py(0));
    assert.deepEqual(list(x.getItem([IA(mask)]) as NDArray), [-2, -4]);
    x.setItem([IA(mask)], 0);
    assert.deepEqual(list(x), [1, 0, 3, 0]);
  });

  it('where the broadcast index dimensions go', () => {
    const x = range([2, 3, 4]);
    const i2 = arr([1, 2], [2], 'int64');
    const shape = (idx: IndexItem[]): number[] => (x.getItem(idx) as NDArray).shape;
    assert.deepEqual(shape([ALL, IA(arr([0, 1], [2], 'int64')), IA(i2)]), [2, 2]); // x[:, [0,1], [1,2]]
    assert.deepEqual(shape([IA(arr([0, 1], [2], 'int64')), ALL, IA(i2)]), [2, 3]); // separated: first
    assert.deepEqual(shape([I(0), ALL, IA(i2)]), [2, 3]); // an int counts as an advanced index
    assert.deepEqual(shape([ALL, I(0), IA(i2)]), [2, 2]);
    assert.deepEqual(shape([{ kind: 'ellipsis' }, IA(arr([0, 3], [2], 'int64'))]), [2, 3, 2]);
    assert.deepEqual(shape([IA(arr([0, 1], [2, 1], 'int64')), IA(arr([0, 1], [2], 'int64'))]), [2, 2, 4]);
  });

  it('repeated indices in assignment: the last write wins', () => {
    const x = NDArray.zeros([3], 'int64');
    x.setItem([IA(arr([0, 0], [2], 'int64'))], arr([1, 2], [2], 'int64'));
    assert.deepEqual(list(x), [2, 0, 0]);
  });

  it('setitem broadcasts the value and casts it to the array dtype', () => {
    const a = NDArray.zeros([2, 3], 'int64');
    a.setItem([ALL, S(1)], arr([1.9, -1.9], [2], 'float64')); // a[:, 1:] = [1.9, -1.9]
    assert.deepEqual(list(a), [0, 1, -1, 0, 1, -1]);
    a.setItem([I(0)], arr([7], [1, 1]));
    assert.deepEqual(list(a), [7, 7, 7, 0, 1, -1]);
  });

  it('index errors', () => {
    const x = range([3]);
    const a = range([2, 3]);
    raises(() => x.getItem([I(5)]), 'IndexError', 'index 5 is out of bounds for axis 0 with size 3');
    raises(() => a.getItem([I(0), I(5)]), 'IndexError', 'index 5 is out of bounds for axis 1 with size 3');
    raises(() => x.getItem([I(1), I(2)]), 'IndexError', 'too many indices for array: array is 1-dimensional, but 2 were indexed');
    raises(() => x.getItem([IA(arr([1]))]), 'IndexError', 'arrays used as indices must be of integer (or boolean) type');
    raises(
      () => x.getItem([IA(arr([1, 0], [2], 'bool'))]),
      'IndexError',
      'boolean index did not match indexed array along dimension 0; dimension is 3 but corresponding boolean dimension is 2',
    );
    raises(
      () => a.getItem([IA(arr([0, 1], [2], 'int64')), IA(arr([0, 1, 2], [3], 'int64'))]),
      'IndexError',
      'shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ',
    );
    raises(() => x.getItem([S(null, null, 0)]), 'ValueError', 'slice step cannot be zero');
    raises(() => x.getItem([{ kind: 'ellipsis' }, { kind: 'ellipsis' }]), 'IndexError', "an index can only have a single ellipsis ('...')");
  });

  it('assignment errors', () => {
    const x = NDArray.zeros([3], 'int64');
    raises(() => x.setItem([ALL], arr([1, 2])), 'ValueError', 'could not broadcast input array from shape (2,) into shape (3,)');
    raises(
      () => x.setItem([IA(arr([0, 1], [2], 'int64'))], arr([1, 2, 3])),
      'ValueError',
      'shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)',
    );
    raises(
      () => x.setItem([IA(arr([1, 0, 1], [3], 'bool'))], arr([1, 2, 3])),
      'ValueError',
      'NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true',
    );
    raises(() => x.setItem([I(0)], NaN), 'ValueError', 'cannot convert float NaN to integer');
    raises(() => x.setItem([I(0)], arr([1, 2])), 'ValueError', 'setting an array element with a sequence.');
  });
});

describe('dot and matmul', () => {
  const a = arr([0, 1, 2, 3, 4, 5].map((v) => v / 7), [2, 3]);
  const b = arr([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((v) => v / 3), [3, 4]);

  it('2-D · 2-D adds the products in k order, like the reference BLAS', () => {
    assert.deepEqual(list(dot(a, b)), [
      0.9523809523809523, 1.0952380952380951, 1.2380952380952381, 1.3809523809523807, 2.6666666666666665,
      3.238095238095238, 3.8095238095238093, 4.380952380952381,
    ]);
  });

  it('shapes of the other cases', () => {
    assert.deepEqual(dot(range([3]), range([3])).shape, []); // inner product, 0-d
    assert.deepEqual(dot(range([2, 3]), range([3])).shape, [2]);
    assert.deepEqual(dot(range([3]), range([3, 4])).shape, [4]);
    assert.deepEqual(dot(range([2, 5, 3]), range([4, 3, 6])).shape, [2, 5, 4, 6]);
    assert.deepEqual(list(dot(NDArray.scalar(3, 'int64'), range([2]))), [0, 3]);
    assert.equal(dot(range([2]), range([2])).dtype, 'int64');
    assert.equal(dot(arr([1, 1], [2], 'bool'), arr([0, 1], [2], 'bool')).dtype, 'bool');
    assert.deepEqual(matmul(range([2, 4, 3]), range([3])).shape, [2, 4]);
  });

  it('dot errors name the dims', () => {
    raises(() => dot(NDArray.zeros([4, 2], 'float64'), NDArray.zeros([3, 2], 'float64')), 'ValueError', 'shapes (4,2) and (3,2) not aligned: 2 (dim 1) != 3 (dim 0)');
    raises(() => dot(range([3]), range([4])), 'ValueError', 'shapes (3,) and (4,) not aligned: 3 (dim 0) != 4 (dim 0)');
    raises(() => dot(range([2, 3]), range([4])), 'ValueError', 'shapes (2,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)');
  });

  it('matmul errors are gufunc messages', () => {
    raises(
      () => matmul(range([2, 3]), range([2, 3])),
      'ValueError',
      'matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)',
    );
    raises(
      () => matmul(NDArray.scalar(2, 'float64'), range([3])),
      'ValueError',
      'matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)',
    );
    raises(
      () => matmul(range([4, 2, 3]), range([5, 3, 2])),
      'ValueError',
      'operands could not be broadcast together with remapped shapes [original->remapped]: (4,2,3)->(4,newaxis,newaxis) (5,3,2)->(5,newaxis,newaxis)  and requested shape (2,2)',
    );
  });

  it('outer', () => {
    assert.deepEqual(list(outer(range([3]), NDArray.arange(0, 2, 1, 'float64'))), [0, 0, 0, 1, 0, 2]);
  });
});

describe('other functions', () => {
  it('np.round: multiply, rint, divide (half to even)', () => {
    assert.deepEqual(list(round(arr([0.5, 1.5, 2.5, -0.5]), 0)), [0, 2, 2, -0]);
    assert.deepEqual(list(round(arr([1.2345]), 2)), [1.23]);
    assert.deepEqual(list(round(arr([15, 25, 35], [3], 'int64'), -1)), [20, 20, 40]);
  });

  it('np.clip keeps the dtype rules of the bounds', () => {
    assert.deepEqual(list(clip(range([5]), 1, 3)), [1, 1, 2, 3, 3]);
    assert.equal(clip(range([5]), 1.5, 3).dtype, 'float64');
    raises(() => clip(range([5]), null, null), 'ValueError', 'One of max or min must be given');
  });

  it('np.where', () => {
    const c = arr([1, 0, 1], [3], 'bool');
    assert.deepEqual(list(where(c, py(1), pyf(0.5))), [1, 0.5, 1]);
    assert.equal(where(c, A(NDArray.zeros([3], 'float32')), py(0)).dtype, 'float32');
    raises(
      () => where(arr([1, 1], [2], 'bool'), A(NDArray.zeros([3], 'float64')), py(0)),
      'ValueError',
      'operands could not be broadcast together with shapes (2,) (3,) () ',
    );
  });

  it('concatenate and stack', () => {
    const x = range([2, 3]);
    assert.deepEqual(concatenate([x, x], 1).shape, [2, 6]);
    assert.deepEqual(concatenate([x, x], null).shape, [12]);
    assert.equal(concatenate([x, NDArray.zeros([2, 3], 'bool')], 0).dtype, 'int64');
    assert.deepEqual(stack([range([2]), range([2])], -1).shape, [2, 2]);
    raises(() => concatenate([], 0), 'ValueError', 'need at least one array to concatenate');
    raises(
      () => concatenate([x, range([3])], 0),
      'ValueError',
      'all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)',
    );
    raises(
      () => concatenate([x, range([2, 4])], 0),
      'ValueError',
      'all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4',
    );
    raises(() => stack([range([2]), range([3])], 0), 'ValueError', 'all input arrays must have the same shape');
  });

  it('argsort is NumPy introsort (ties come out the same), NaN last', () => {
    assert.deepEqual(list(argsort(arr([3, NaN, 1, 2]), -1)), [2, 3, 0, 1]);
    assert.deepEqual(list(argsort(arr([3, 1, 0, 2], [2, 2]), null)), [2, 1, 3, 0]);
    assert.deepEqual(list(sort(arr([3, 1, 0, 2], [2, 2]), 0)), [0, 1, 3, 2]);
  });

  it('isclose / allclose / array_equal', () => {
    assert.deepEqual(list(isclose(A(arr([1, NaN, Infinity])), A(arr([1 + 1e-9, NaN, Infinity])), 1e-5, 1e-8, false)), [1, 0, 1]);
    assert.equal(allclose(A(arr([1, 1, 1])), A(arr([1 + 1e-6, 1, 1])), 1e-5, 1e-8, false), true);
    assert.equal(arrayEqual(arr([NaN]), arr([NaN])), false);
    assert.equal(arrayEqual(range([3]), NDArray.arange(0, 3, 1, 'float64')), true);
  });

  it('arange length is ceil((stop - start) / step)', () => {
    assert.deepEqual(NDArray.arange(0, 1, 0.1, 'float64').shape, [10]);
    assert.deepEqual(list(NDArray.arange(0, 1, 0.3, 'float64')), [0, 0.3, 0.6, 0.8999999999999999]);
    assert.deepEqual(NDArray.arange(5, 1, 1, 'int64').shape, [0]);
  });

  it('x ** 2 on float arrays is np.square (fast_scalar_power)', () => {
    const r = powerOperator(A(arr([1.5, -2])), py(2));
    assert.deepEqual(list(r), [2.25, 4]);
    assert.equal(powerOperator(A(arr([1, 0], [2], 'bool')), py(2)).dtype, 'int64'); // NumPy: int8
  });

  it('astype: float -> int truncates; NaN becomes INT64_MIN with a warning', () => {
    const w: string[] = [];
    assert.deepEqual(list(arr([1.7, -1.7, NaN]).astype('int64', (_c, m) => w.push(m))), [1, -1, -9223372036854775808]);
    assert.deepEqual(w, ['invalid value encountered in cast']);
  });

  it('multi-index stepping for np.nditer / np.ndindex', () => {
    assert.deepEqual([...multiIndices([2, 2])], [[0, 0], [0, 1], [1, 0], [1, 1]]);
    const idx = [0, 2];
    assert.equal(nextIndex(idx, [2, 3]), true);
    assert.deepEqual(idx, [1, 0]);
  });

  it('the allocation guard sees every allocation', () => {
    const seen: number[] = [];
    setAllocationGuard((n) => seen.push(n));
    try {
      binary('add', A(range([2, 3])), py(1));
    } finally {
      setAllocationGuard(null);
    }
    assert.ok(seen.includes(6));
  });
});
