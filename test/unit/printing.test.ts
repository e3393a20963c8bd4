// NumPy 1.24's str() and repr() of arrays and scalars, as src/engine/numpy/printing.ts prints them.
//
// Each row is: the Python expression (run under the print options named after '# with'),
// the TypeScript that builds the same array, and exactly what CPython 3.11 + NumPy 1.24
// prints for it. The rows were produced by running `/usr/bin/python3 test/tools/printing_table.py`;
// to add a case, add it there and paste the regenerated row here.
// A randomised comparison with NumPy lives in test/tools/printing-diff.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  arrayRepr,
  arrayStr,
  DEFAULT_PRINT_OPTIONS,
  pythonFloatRepr,
  scalarRepr,
  scalarStr,
  type PrintableArray,
  type PrintOptions,
} from '../../src/engine/numpy/printing';
import type { DType } from '../../src/engine/numpy/types';

// --- tiny array builders (enough NumPy to write the rows) -------------------------------

const array = (dtype: DType, shape: number[], data: number[]): PrintableArray => ({
  dtype,
  shape,
  data: dtype === 'float32' ? data.map(Math.fround) : data,
});
/** np.array([...]) of float64 */
const f64 = (...xs: number[]): PrintableArray => array('float64', [xs.length], xs);
/** np.array([...], dtype=np.float32) */
const f32 = (...xs: number[]): PrintableArray => array('float32', [xs.length], xs);
/** np.array([...]) of int64 */
const i64 = (...xs: number[]): PrintableArray => array('int64', [xs.length], xs);
/** np.array([...]) of bool, given as 0/1 */
const bools = (...xs: number[]): PrintableArray => array('bool', [xs.length], xs);
/** np.arange(n, dtype=...) */
const arange = (n: number, dtype: DType = 'int64'): PrintableArray =>
  array(dtype, [n], Array.from({ length: n }, (_, i) => i));
/** a.reshape(...shape) */
const reshape = (a: PrintableArray, ...shape: number[]): PrintableArray => ({ ...a, shape });
/** a / k (true division: int64 becomes float64, float32 stays float32) */
const div = (a: PrintableArray, k: number): PrintableArray =>
  array(a.dtype === 'float32' ? 'float32' : 'float64', [...a.shape], Array.from(a.data, (x) => x / k));
/** a - k */
const sub = (a: PrintableArray, k: number): PrintableArray => array(a.dtype, [...a.shape], Array.from(a.data, (x) => x - k));
/** np.zeros(shape, dtype) */
const zeros = (shape: number[], dtype: DType = 'float64'): PrintableArray =>
  array(dtype, shape, new Array<number>(shape.reduce((p, d) => p * d, 1)).fill(0));
/** np.array(x): a 0-d array */
const zeroD = (x: number, dtype: DType = 'float64'): PrintableArray => array(dtype, [], [x]);

const withOpts = (o?: Partial<PrintOptions>): PrintOptions => ({ ...DEFAULT_PRINT_OPTIONS, ...o });
const str = (a: PrintableArray, o?: Partial<PrintOptions>): string => arrayStr(a, withOpts(o));
const repr = (a: PrintableArray, o?: Partial<PrintOptions>): string => arrayRepr(a, withOpts(o));

// --- the table -----------------------------------------------------------------------------

const cases: [python: string, actual: () => string, numpyPrints: string][] = [
  ["str(np.array([1.0, 2.5, -3.25]))", () => str(f64(1, 2.5, -3.25)), "[ 1.    2.5  -3.25]"],
  ["repr(np.array([1.0, 2.5, -3.25]))", () => repr(f64(1, 2.5, -3.25)), "array([ 1.  ,  2.5 , -3.25])"],
  ["str(np.array([1.0, 2.0, 3.0]))", () => str(f64(1, 2, 3)), "[1. 2. 3.]"],
  ["repr(np.array([0.5]))", () => repr(f64(0.5)), "array([0.5])"],
  ["str(np.array([0.1, 0.2, 0.1 + 0.2]))", () => str(f64(0.1, 0.2, 0.1 + 0.2)), "[0.1 0.2 0.3]"],
  ["str(np.array([1/3, 2/3, 1.0]))", () => str(f64(1 / 3, 2 / 3, 1)), "[0.33333333 0.66666667 1.        ]"],
  ["str(np.array([-0.0, 0.0, 1.5]))", () => str(f64(-0, 0, 1.5)), "[-0.   0.   1.5]"],
  ["repr(np.array([-0.0]))", () => repr(f64(-0)), "array([-0.])"],
  ["str(np.array([0.0, 0.0]))", () => str(f64(0, 0)), "[0. 0.]"],
  ["str(np.array([1234.5, 2.0, -7.125]))", () => str(f64(1234.5, 2, -7.125)), "[1234.5      2.      -7.125]"],
  ["str(np.array([99999999.0, 1.0, 0.5]))", () => str(f64(99999999, 1, 0.5)), "[9.9999999e+07 1.0000000e+00 5.0000000e-01]"],
  ["str(np.array([0.123456785]))", () => str(f64(0.123456785)), "[0.12345678]"],
  ["str(np.array([0.123456775, 0.5]))", () => str(f64(0.123456775, 0.5)), "[0.12345678 0.5       ]"],
  ["str(np.array([2.5e-9, 1.0]))", () => str(f64(2.5e-9, 1)), "[2.5e-09 1.0e+00]"],
  ["str(np.array([123456789.0]))", () => str(f64(123456789)), "[1.23456789e+08]"],
  ["str(np.array([1.00000005, 2.0]))", () => str(f64(1.00000005, 2)), "[1.00000005 2.        ]"],
  ["str(np.array([0.999999999, 0.5]))", () => str(f64(0.999999999, 0.5)), "[1.  0.5]"],
  ["str(np.array([1e-5, 1.0]))", () => str(f64(1e-5, 1)), "[1.e-05 1.e+00]"],
  ["repr(np.array([1e-5]))", () => repr(f64(1e-5)), "array([1.e-05])"],
  ["str(np.array([1e8, 1.0]))", () => str(f64(1e8, 1)), "[1.e+08 1.e+00]"],
  ["str(np.array([1.0, 1000.0]))", () => str(f64(1, 1000)), "[   1. 1000.]"],
  ["str(np.array([1.0, 1001.0]))", () => str(f64(1, 1001)), "[1.000e+00 1.001e+03]"],
  ["str(np.array([1.5e-10, -2.25e12, 3.0]))", () => str(f64(1.5e-10, -2.25e12, 3)), "[ 1.50e-10 -2.25e+12  3.00e+00]"],
  ["repr(np.array([6.02214076e23, 1.602176634e-19]))", () => repr(f64(6.02214076e23, 1.602176634e-19)), "array([6.02214076e+23, 1.60217663e-19])"],
  ["str(np.array([1e-300, 1e300]))", () => str(f64(1e-300, 1e300)), "[1.e-300 1.e+300]"],
  ["str(np.array([5e-324, 1.0]))", () => str(f64(5e-324, 1)), "[5.e-324 1.e+000]"],
  ["str(np.array([np.nan, 1.0, -np.inf]))", () => str(f64(NaN, 1, -Infinity)), "[ nan   1. -inf]"],
  ["repr(np.array([np.nan, np.inf]))", () => repr(f64(NaN, Infinity)), "array([nan, inf])"],
  ["str(np.array([-np.inf, np.nan]))", () => str(f64(-Infinity, NaN)), "[-inf  nan]"],
  ["str(np.array([1e-10, np.nan, np.inf]))", () => str(f64(1e-10, NaN, Infinity)), "[1.e-10    nan    inf]"],
  ["str(np.array([0.5, np.nan]))", () => str(f64(0.5, NaN)), "[0.5 nan]"],
  ["str(np.array([1, 2, 3]))", () => str(i64(1, 2, 3)), "[1 2 3]"],
  ["repr(np.array([-1, 10, 200]))", () => repr(i64(-1, 10, 200)), "array([ -1,  10, 200])"],
  ["str(np.array([10**12, -5, 0]))", () => str(i64(1e12, -5, 0)), "[1000000000000            -5             0]"],
  ["str(np.array([True, False]))", () => str(bools(1, 0)), "[ True False]"],
  ["repr(np.array([True, False]))", () => repr(bools(1, 0)), "array([ True, False])"],
  [
    "repr(np.array([[True], [False]]))",
    () => repr(reshape(bools(1, 0), 2, 1)),
    `array([[ True],
       [False]])`,
  ],
  ["str(np.array([False, False]))", () => str(bools(0, 0)), "[False False]"],
  ["str(np.array([0.1, 0.2], dtype=np.float32))", () => str(f32(0.1, 0.2)), "[0.1 0.2]"],
  ["repr(np.array([0.1, 0.2], dtype=np.float32))", () => repr(f32(0.1, 0.2)), "array([0.1, 0.2], dtype=float32)"],
  ["repr(np.arange(3, dtype=np.float32) / 3)", () => repr(div(arange(3, 'float32'), 3)), "array([0.        , 0.33333334, 0.6666667 ], dtype=float32)"],
  ["repr(np.array([1e-5, 3.0], dtype=np.float32))", () => repr(f32(1e-5, 3)), "array([1.e-05, 3.e+00], dtype=float32)"],
  [
    "repr(np.arange(20, dtype=np.float32) / 3)",
    () => repr(div(arange(20, 'float32'), 3)),
    `array([0.        , 0.33333334, 0.6666667 , 1.        , 1.3333334 ,
       1.6666666 , 2.        , 2.3333333 , 2.6666667 , 3.        ,
       3.3333333 , 3.6666667 , 4.        , 4.3333335 , 4.6666665 ,
       5.        , 5.3333335 , 5.6666665 , 6.        , 6.3333335 ],
      dtype=float32)`,
  ],
  [
    "repr(np.arange(12, dtype=np.float32).reshape(3, 4))",
    () => repr(reshape(arange(12, 'float32'), 3, 4)),
    `array([[ 0.,  1.,  2.,  3.],
       [ 4.,  5.,  6.,  7.],
       [ 8.,  9., 10., 11.]], dtype=float32)`,
  ],
  [
    "str(np.arange(30) / 7)",
    () => str(div(arange(30), 7)),
    `[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571
 0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857
 1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143
 2.57142857 2.71428571 2.85714286 3.         3.14285714 3.28571429
 3.42857143 3.57142857 3.71428571 3.85714286 4.         4.14285714]`,
  ],
  [
    "repr(np.arange(30) / 7)",
    () => repr(div(arange(30), 7)),
    `array([0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,
       0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,
       1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,
       2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571,
       2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,
       3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714])`,
  ],
  [
    "str(np.arange(40))",
    () => str(arange(40)),
    `[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39]`,
  ],
  [
    "repr(np.arange(40))",
    () => repr(arange(40)),
    `array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,
       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
       34, 35, 36, 37, 38, 39])`,
  ],
  [
    "repr(np.arange(25.0))",
    () => repr(arange(25, 'float64')),
    `array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12.,
       13., 14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24.])`,
  ],
  [
    "repr(np.array([True, False] * 15))",
    () => repr(bools(...Array.from({ length: 30 }, (_, i) => (i + 1) % 2))),
    `array([ True, False,  True, False,  True, False,  True, False,  True,
       False,  True, False,  True, False,  True, False,  True, False,
        True, False,  True, False,  True, False,  True, False,  True,
       False,  True, False])`,
  ],
  [
    "str(np.arange(6).reshape(2, 3))",
    () => str(reshape(arange(6), 2, 3)),
    `[[0 1 2]
 [3 4 5]]`,
  ],
  [
    "repr(np.arange(6).reshape(2, 3))",
    () => repr(reshape(arange(6), 2, 3)),
    `array([[0, 1, 2],
       [3, 4, 5]])`,
  ],
  [
    "str(np.arange(6).reshape(2, 3) / 4 - 0.5)",
    () => str(sub(div(reshape(arange(6), 2, 3), 4), 0.5)),
    `[[-0.5  -0.25  0.  ]
 [ 0.25  0.5   0.75]]`,
  ],
  [
    "repr(np.arange(6).reshape(2, 3) / 4 - 0.5)",
    () => repr(sub(div(reshape(arange(6), 2, 3), 4), 0.5)),
    `array([[-0.5 , -0.25,  0.  ],
       [ 0.25,  0.5 ,  0.75]])`,
  ],
  [
    "str(np.arange(40).reshape(2, 20) / 7)",
    () => str(div(reshape(arange(40), 2, 20), 7)),
    `[[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571
  0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857
  1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143
  2.57142857 2.71428571]
 [2.85714286 3.         3.14285714 3.28571429 3.42857143 3.57142857
  3.71428571 3.85714286 4.         4.14285714 4.28571429 4.42857143
  4.57142857 4.71428571 4.85714286 5.         5.14285714 5.28571429
  5.42857143 5.57142857]]`,
  ],
  [
    "repr(np.arange(40).reshape(2, 20) / 7)",
    () => repr(div(reshape(arange(40), 2, 20), 7)),
    `array([[0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,
        0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,
        1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,
        2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571],
       [2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,
        3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714,
        4.28571429, 4.42857143, 4.57142857, 4.71428571, 4.85714286,
        5.        , 5.14285714, 5.28571429, 5.42857143, 5.57142857]])`,
  ],
  [
    "str(np.arange(24).reshape(2, 3, 4))",
    () => str(reshape(arange(24), 2, 3, 4)),
    `[[[ 0  1  2  3]
  [ 4  5  6  7]
  [ 8  9 10 11]]

 [[12 13 14 15]
  [16 17 18 19]
  [20 21 22 23]]]`,
  ],
  [
    "repr(np.arange(24).reshape(2, 3, 4))",
    () => repr(reshape(arange(24), 2, 3, 4)),
    `array([[[ 0,  1,  2,  3],
        [ 4,  5,  6,  7],
        [ 8,  9, 10, 11]],

       [[12, 13, 14, 15],
        [16, 17, 18, 19],
        [20, 21, 22, 23]]])`,
  ],
  [
    "str(np.arange(12).reshape(2, 3, 2) / 8)",
    () => str(div(reshape(arange(12), 2, 3, 2), 8)),
    `[[[0.    0.125]
  [0.25  0.375]
  [0.5   0.625]]

 [[0.75  0.875]
  [1.    1.125]
  [1.25  1.375]]]`,
  ],
  [
    "repr(np.arange(16.0).reshape(2, 2, 2, 2))",
    () => repr(reshape(arange(16, 'float64'), 2, 2, 2, 2)),
    `array([[[[ 0.,  1.],
         [ 2.,  3.]],

        [[ 4.,  5.],
         [ 6.,  7.]]],


       [[[ 8.,  9.],
         [10., 11.]],

        [[12., 13.],
         [14., 15.]]]])`,
  ],
  [
    "str(np.array([[1e-5, 1.0], [2.0, -3.0]]))",
    () => str(reshape(f64(1e-5, 1, 2, -3), 2, 2)),
    `[[ 1.e-05  1.e+00]
 [ 2.e+00 -3.e+00]]`,
  ],
  [
    "repr(np.array([[1], [2]]))",
    () => repr(reshape(i64(1, 2), 2, 1)),
    `array([[1],
       [2]])`,
  ],
  ["str(np.arange(2000))", () => str(arange(2000)), "[   0    1    2 ... 1997 1998 1999]"],
  ["repr(np.arange(2000))", () => repr(arange(2000)), "array([   0,    1,    2, ..., 1997, 1998, 1999])"],
  [
    "str(np.arange(2500).reshape(50, 50) / 7)",
    () => str(div(reshape(arange(2500), 50, 50), 7)),
    `[[0.00000000e+00 1.42857143e-01 2.85714286e-01 ... 6.71428571e+00
  6.85714286e+00 7.00000000e+00]
 [7.14285714e+00 7.28571429e+00 7.42857143e+00 ... 1.38571429e+01
  1.40000000e+01 1.41428571e+01]
 [1.42857143e+01 1.44285714e+01 1.45714286e+01 ... 2.10000000e+01
  2.11428571e+01 2.12857143e+01]
 ...
 [3.35714286e+02 3.35857143e+02 3.36000000e+02 ... 3.42428571e+02
  3.42571429e+02 3.42714286e+02]
 [3.42857143e+02 3.43000000e+02 3.43142857e+02 ... 3.49571429e+02
  3.49714286e+02 3.49857143e+02]
 [3.50000000e+02 3.50142857e+02 3.50285714e+02 ... 3.56714286e+02
  3.56857143e+02 3.57000000e+02]]`,
  ],
  [
    "repr(np.arange(2500).reshape(50, 50) / 7)",
    () => repr(div(reshape(arange(2500), 50, 50), 7)),
    `array([[0.00000000e+00, 1.42857143e-01, 2.85714286e-01, ...,
        6.71428571e+00, 6.85714286e+00, 7.00000000e+00],
       [7.14285714e+00, 7.28571429e+00, 7.42857143e+00, ...,
        1.38571429e+01, 1.40000000e+01, 1.41428571e+01],
       [1.42857143e+01, 1.44285714e+01, 1.45714286e+01, ...,
        2.10000000e+01, 2.11428571e+01, 2.12857143e+01],
       ...,
       [3.35714286e+02, 3.35857143e+02, 3.36000000e+02, ...,
        3.42428571e+02, 3.42571429e+02, 3.42714286e+02],
       [3.42857143e+02, 3.43000000e+02, 3.43142857e+02, ...,
        3.49571429e+02, 3.49714286e+02, 3.49857143e+02],
       [3.50000000e+02, 3.50142857e+02, 3.50285714e+02, ...,
        3.56714286e+02, 3.56857143e+02, 3.57000000e+02]])`,
  ],
  [
    "str(np.arange(3000).reshape(10, 10, 30))",
    () => str(reshape(arange(3000), 10, 10, 30)),
    `[[[   0    1    2 ...   27   28   29]
  [  30   31   32 ...   57   58   59]
  [  60   61   62 ...   87   88   89]
  ...
  [ 210  211  212 ...  237  238  239]
  [ 240  241  242 ...  267  268  269]
  [ 270  271  272 ...  297  298  299]]

 [[ 300  301  302 ...  327  328  329]
  [ 330  331  332 ...  357  358  359]
  [ 360  361  362 ...  387  388  389]
  ...
  [ 510  511  512 ...  537  538  539]
  [ 540  541  542 ...  567  568  569]
  [ 570  571  572 ...  597  598  599]]

 [[ 600  601  602 ...  627  628  629]
  [ 630  631  632 ...  657  658  659]
  [ 660  661  662 ...  687  688  689]
  ...
  [ 810  811  812 ...  837  838  839]
  [ 840  841  842 ...  867  868  869]
  [ 870  871  872 ...  897  898  899]]

 ...

 [[2100 2101 2102 ... 2127 2128 2129]
  [2130 2131 2132 ... 2157 2158 2159]
  [2160 2161 2162 ... 2187 2188 2189]
  ...
  [2310 2311 2312 ... 2337 2338 2339]
  [2340 2341 2342 ... 2367 2368 2369]
  [2370 2371 2372 ... 2397 2398 2399]]

 [[2400 2401 2402 ... 2427 2428 2429]
  [2430 2431 2432 ... 2457 2458 2459]
  [2460 2461 2462 ... 2487 2488 2489]
  ...
  [2610 2611 2612 ... 2637 2638 2639]
  [2640 2641 2642 ... 2667 2668 2669]
  [2670 2671 2672 ... 2697 2698 2699]]

 [[2700 2701 2702 ... 2727 2728 2729]
  [2730 2731 2732 ... 2757 2758 2759]
  [2760 2761 2762 ... 2787 2788 2789]
  ...
  [2910 2911 2912 ... 2937 2938 2939]
  [2940 2941 2942 ... 2967 2968 2969]
  [2970 2971 2972 ... 2997 2998 2999]]]`,
  ],
  ["repr(np.arange(1001, dtype=np.float32))", () => repr(arange(1001, 'float32')), "array([   0.,    1.,    2., ...,  998.,  999., 1000.], dtype=float32)"],
  [
    "str(np.arange(1000))  # exactly threshold: not summarised",
    () => str(arange(1000)),
    `[  0   1   2   3   4   5   6   7   8   9  10  11  12  13  14  15  16  17
  18  19  20  21  22  23  24  25  26  27  28  29  30  31  32  33  34  35
  36  37  38  39  40  41  42  43  44  45  46  47  48  49  50  51  52  53
  54  55  56  57  58  59  60  61  62  63  64  65  66  67  68  69  70  71
  72  73  74  75  76  77  78  79  80  81  82  83  84  85  86  87  88  89
  90  91  92  93  94  95  96  97  98  99 100 101 102 103 104 105 106 107
 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125
 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 142 143
 144 145 146 147 148 149 150 151 152 153 154 155 156 157 158 159 160 161
 162 163 164 165 166 167 168 169 170 171 172 173 174 175 176 177 178 179
 180 181 182 183 184 185 186 187 188 189 190 191 192 193 194 195 196 197
 198 199 200 201 202 203 204 205 206 207 208 209 210 211 212 213 214 215
 216 217 218 219 220 221 222 223 224 225 226 227 228 229 230 231 232 233
 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 251
 252 253 254 255 256 257 258 259 260 261 262 263 264 265 266 267 268 269
 270 271 272 273 274 275 276 277 278 279 280 281 282 283 284 285 286 287
 288 289 290 291 292 293 294 295 296 297 298 299 300 301 302 303 304 305
 306 307 308 309 310 311 312 313 314 315 316 317 318 319 320 321 322 323
 324 325 326 327 328 329 330 331 332 333 334 335 336 337 338 339 340 341
 342 343 344 345 346 347 348 349 350 351 352 353 354 355 356 357 358 359
 360 361 362 363 364 365 366 367 368 369 370 371 372 373 374 375 376 377
 378 379 380 381 382 383 384 385 386 387 388 389 390 391 392 393 394 395
 396 397 398 399 400 401 402 403 404 405 406 407 408 409 410 411 412 413
 414 415 416 417 418 419 420 421 422 423 424 425 426 427 428 429 430 431
 432 433 434 435 436 437 438 439 440 441 442 443 444 445 446 447 448 449
 450 451 452 453 454 455 456 457 458 459 460 461 462 463 464 465 466 467
 468 469 470 471 472 473 474 475 476 477 478 479 480 481 482 483 484 485
 486 487 488 489 490 491 492 493 494 495 496 497 498 499 500 501 502 503
 504 505 506 507 508 509 510 511 512 513 514 515 516 517 518 519 520 521
 522 523 524 525 526 527 528 529 530 531 532 533 534 535 536 537 538 539
 540 541 542 543 544 545 546 547 548 549 550 551 552 553 554 555 556 557
 558 559 560 561 562 563 564 565 566 567 568 569 570 571 572 573 574 575
 576 577 578 579 580 581 582 583 584 585 586 587 588 589 590 591 592 593
 594 595 596 597 598 599 600 601 602 603 604 605 606 607 608 609 610 611
 612 613 614 615 616 617 618 619 620 621 622 623 624 625 626 627 628 629
 630 631 632 633 634 635 636 637 638 639 640 641 642 643 644 645 646 647
 648 649 650 651 652 653 654 655 656 657 658 659 660 661 662 663 664 665
 666 667 668 669 670 671 672 673 674 675 676 677 678 679 680 681 682 683
 684 685 686 687 688 689 690 691 692 693 694 695 696 697 698 699 700 701
 702 703 704 705 706 707 708 709 710 711 712 713 714 715 716 717 718 719
 720 721 722 723 724 725 726 727 728 729 730 731 732 733 734 735 736 737
 738 739 740 741 742 743 744 745 746 747 748 749 750 751 752 753 754 755
 756 757 758 759 760 761 762 763 764 765 766 767 768 769 770 771 772 773
 774 775 776 777 778 779 780 781 782 783 784 785 786 787 788 789 790 791
 792 793 794 795 796 797 798 799 800 801 802 803 804 805 806 807 808 809
 810 811 812 813 814 815 816 817 818 819 820 821 822 823 824 825 826 827
 828 829 830 831 832 833 834 835 836 837 838 839 840 841 842 843 844 845
 846 847 848 849 850 851 852 853 854 855 856 857 858 859 860 861 862 863
 864 865 866 867 868 869 870 871 872 873 874 875 876 877 878 879 880 881
 882 883 884 885 886 887 888 889 890 891 892 893 894 895 896 897 898 899
 900 901 902 903 904 905 906 907 908 909 910 911 912 913 914 915 916 917
 918 919 920 921 922 923 924 925 926 927 928 929 930 931 932 933 934 935
 936 937 938 939 940 941 942 943 944 945 946 947 948 949 950 951 952 953
 954 955 956 957 958 959 960 961 962 963 964 965 966 967 968 969 970 971
 972 973 974 975 976 977 978 979 980 981 982 983 984 985 986 987 988 989
 990 991 992 993 994 995 996 997 998 999]`,
  ],
  ["str(np.array([]))", () => str(zeros([0])), "[]"],
  ["repr(np.array([]))", () => repr(zeros([0])), "array([], dtype=float64)"],
  ["repr(np.zeros((0, 3)))", () => repr(zeros([0, 3])), "array([], shape=(0, 3), dtype=float64)"],
  ["str(np.zeros((0, 3)))", () => str(zeros([0, 3])), "[]"],
  ["repr(np.array([], dtype=np.int64))", () => repr(zeros([0], 'int64')), "array([], dtype=int64)"],
  ["repr(np.zeros((2, 0), dtype=np.float32))", () => repr(zeros([2, 0], 'float32')), "array([], shape=(2, 0), dtype=float32)"],
  ["repr(np.array([], dtype=bool))", () => repr(zeros([0], 'bool')), "array([], dtype=bool)"],
  ["str(np.array(3.5))", () => str(zeroD(3.5)), "3.5"],
  ["repr(np.array(3.5))", () => repr(zeroD(3.5)), "array(3.5)"],
  ["str(np.array(1e-5))", () => str(zeroD(1e-5)), "1e-05"],
  ["repr(np.array(1e-5))", () => repr(zeroD(1e-5)), "array(1.e-05)"],
  ["str(np.array(1/3))  # 0-d str ignores precision", () => str(zeroD(1 / 3)), "0.3333333333333333"],
  ["repr(np.array(1/3))", () => repr(zeroD(1 / 3)), "array(0.33333333)"],
  ["repr(np.array(7))", () => repr(zeroD(7, 'int64')), "array(7)"],
  ["repr(np.array(True))", () => repr(zeroD(1, 'bool')), "array(True)"],
  ["str(np.array(False))", () => str(zeroD(0, 'bool')), "False"],
  ["repr(np.array(np.float32(0.1)))", () => repr(zeroD(0.1, 'float32')), "array(0.1, dtype=float32)"],
  ["repr(np.array(np.nan))", () => repr(zeroD(NaN)), "array(nan)"],
  ["str(np.array([1/3, 2/3]))  # with precision=3", () => str(f64(1 / 3, 2 / 3), { precision: 3 }), "[0.333 0.667]"],
  ["repr(np.array([1e-5/3, 1.0]))  # with precision=3", () => repr(f64(1e-5 / 3, 1), { precision: 3 }), "array([3.333e-06, 1.000e+00])"],
  ["str(np.array([2.5, 3.5, 0.25]))  # with precision=0", () => str(f64(2.5, 3.5, 0.25), { precision: 0 }), "[2. 4. 0.]"],
  ["str(np.array([1e-10, 1.0, 1234.5]))  # with suppress=True", () => str(f64(1e-10, 1, 1234.5), { suppress: true }), "[   0.     1.  1234.5]"],
  ["str(np.array([-1e-10, 1.0]))  # with suppress=True", () => str(f64(-1e-10, 1), { suppress: true }), "[-0.  1.]"],
  ["str(np.array([1e-10, 1e9]))  # with suppress=True", () => str(f64(1e-10, 1e9), { suppress: true }), "[1.e-10 1.e+09]"],
  ["str(np.arange(20))  # with threshold=10", () => str(arange(20), { threshold: 10 }), "[ 0  1  2 ... 17 18 19]"],
  ["repr(np.arange(20))  # with threshold=10, edgeitems=1", () => repr(arange(20), { threshold: 10, edgeitems: 1 }), "array([ 0, ..., 19])"],
  [
    "str(np.arange(10) / 3)  # with linewidth=30",
    () => str(div(arange(10), 3), { linewidth: 30 }),
    `[0.         0.33333333
 0.66666667 1.
 1.33333333 1.66666667
 2.         2.33333333
 2.66666667 3.        ]`,
  ],
  [
    "repr(np.arange(10, dtype=np.float32) / 3)  # with linewidth=30",
    () => repr(div(arange(10, 'float32'), 3), { linewidth: 30 }),
    `array([0.        ,
       0.33333334,
       0.6666667 ,
       1.        ,
       1.3333334 ,
       1.6666666 ,
       2.        ,
       2.3333333 ,
       2.6666667 ,
       3.        ],
      dtype=float32)`,
  ],
  ["repr(np.float64(0.1))", () => scalarRepr(0.1, 'float64'), "0.1"],
  ["repr(np.float64(1e-5))", () => scalarRepr(1e-5, 'float64'), "1e-05"],
  ["repr(np.float64(1e16))", () => scalarRepr(1e16, 'float64'), "1e+16"],
  ["repr(np.float64(1.5e16))", () => scalarRepr(1.5e16, 'float64'), "1.5e+16"],
  ["repr(np.float64(3.0))", () => scalarRepr(3, 'float64'), "3.0"],
  ["repr(np.float64(0.0001))", () => scalarRepr(0.0001, 'float64'), "0.0001"],
  ["repr(np.float64(-0.0))", () => scalarRepr(-0, 'float64'), "-0.0"],
  ["repr(np.float64(np.inf))", () => scalarRepr(Infinity, 'float64'), "inf"],
  ["repr(np.float64(-np.inf))", () => scalarRepr(-Infinity, 'float64'), "-inf"],
  ["repr(np.float64(np.nan))", () => scalarRepr(NaN, 'float64'), "nan"],
  ["str(np.float64(0.1 + 0.2))", () => scalarStr(0.1 + 0.2, 'float64'), "0.30000000000000004"],
  ["repr(np.float32(0.1))", () => scalarRepr(0.1, 'float32'), "0.1"],
  ["repr(np.float32(1/3))", () => scalarRepr(1 / 3, 'float32'), "0.33333334"],
  ["repr(np.float32(0.0001))", () => scalarRepr(0.0001, 'float32'), "1e-04"],
  ["repr(np.float32(16777216.0))", () => scalarRepr(16777216, 'float32'), "16777216.0"],
  ["str(np.float32(1e20))", () => scalarStr(1e20, 'float32'), "1e+20"],
  ["repr(np.int64(3))", () => scalarRepr(3, 'int64'), "3"],
  ["repr(np.int64(-42))", () => scalarRepr(-42, 'int64'), "-42"],
  ["repr(np.bool_(True))", () => scalarRepr(1, 'bool'), "True"],
  ["str(np.bool_(False))", () => scalarStr(0, 'bool'), "False"],
  ["repr(0.1)", () => pythonFloatRepr(0.1), "0.1"],
  ["repr(1e-05)", () => pythonFloatRepr(1e-5), "1e-05"],
  ["repr(0.0001)", () => pythonFloatRepr(0.0001), "0.0001"],
  ["repr(1.5e16)", () => pythonFloatRepr(1.5e16), "1.5e+16"],
  ["repr(9999999999999998.0)", () => pythonFloatRepr(9999999999999998), "9999999999999998.0"],
  ["repr(110.00000000000001)", () => pythonFloatRepr(110.00000000000001), "110.00000000000001"],
  ["repr(3.0)", () => pythonFloatRepr(3), "3.0"],
  ["repr(-0.0)", () => pythonFloatRepr(-0), "-0.0"],
  ["repr(float('inf'))", () => pythonFloatRepr(Infinity), "inf"],
  ["repr(float('-inf'))", () => pythonFloatRepr(-Infinity), "-inf"],
  ["repr(float('nan'))", () => pythonFloatRepr(NaN), "nan"],
  ["repr(1e22)", () => pythonFloatRepr(1e22), "1e+22"],
  ["repr(5e-324)", () => pythonFloatRepr(5e-324), "5e-324"],
  ["repr(123456789.123)", () => pythonFloatRepr(123456789.123), "123456789.123"],
];

for (const [python, actual, numpyPrints] of cases) {
  test(python, () => {
    assert.equal(actual(), numpyPrints);
  });
}

test('DEFAULT_PRINT_OPTIONS are np.get_printoptions() defaults', () => {
  assert.deepEqual(
    { ...DEFAULT_PRINT_OPTIONS },
    { precision: 8, suppress: false, threshold: 1000, edgeitems: 3, linewidth: 75 },
  );
});

test('arrayStr/arrayRepr default to DEFAULT_PRINT_OPTIONS', () => {
  const a = div(arange(30), 7);
  assert.equal(arrayStr(a), str(a));
  assert.equal(arrayRepr(a), repr(a));
});

test('scalarStr equals scalarRepr for every dtype (NumPy 1.24)', () => {
  for (const [x, dtype] of [[0.1, 'float64'], [1e-7, 'float32'], [-3, 'int64'], [1, 'bool']] as const) {
    assert.equal(scalarStr(x, dtype), scalarRepr(x, dtype));
  }
});

test('np.float64 scalars print like Python floats', () => {
  for (const x of [0.1, 1 / 3, 1e-5, 1e-4, 123456.789, 1e15, 1e16, 2 ** 60, -2.5e-300, 5e-324]) {
    assert.equal(scalarRepr(x, 'float64'), pythonFloatRepr(x));
  }
});
