"""Print the expected-output table of test/unit/printing.test.ts.

Each row: the Python expression, the print options it runs under, the TypeScript that
builds the same thing, and what CPython 3.11 + NumPy 1.24 prints (obtained here).
    /usr/bin/python3 test/tools/printing_table.py > /tmp/rows.ts
"""
import json

import numpy as np

INF, NAN = np.inf, np.nan

# (python expression, print options, typescript expression)
ROWS = [
    # --- 1-D float64: trimming, alignment, sign padding
    ("str(np.array([1.0, 2.5, -3.25]))", {}, "str(f64(1, 2.5, -3.25))"),
    ("repr(np.array([1.0, 2.5, -3.25]))", {}, "repr(f64(1, 2.5, -3.25))"),
    ("str(np.array([1.0, 2.0, 3.0]))", {}, "str(f64(1, 2, 3))"),
    ("repr(np.array([0.5]))", {}, "repr(f64(0.5))"),
    ("str(np.array([0.1, 0.2, 0.1 + 0.2]))", {}, "str(f64(0.1, 0.2, 0.1 + 0.2))"),
    ("str(np.array([1/3, 2/3, 1.0]))", {}, "str(f64(1 / 3, 2 / 3, 1))"),
    ("str(np.array([-0.0, 0.0, 1.5]))", {}, "str(f64(-0, 0, 1.5))"),
    ("repr(np.array([-0.0]))", {}, "repr(f64(-0))"),
    ("str(np.array([0.0, 0.0]))", {}, "str(f64(0, 0))"),
    ("str(np.array([1234.5, 2.0, -7.125]))", {}, "str(f64(1234.5, 2, -7.125))"),
    ("str(np.array([99999999.0, 1.0, 0.5]))", {}, "str(f64(99999999, 1, 0.5))"),
    # --- rounding to 8 digits matches NumPy's exact-value dragon4
    ("str(np.array([0.123456785]))", {}, "str(f64(0.123456785))"),
    ("str(np.array([0.123456775, 0.5]))", {}, "str(f64(0.123456775, 0.5))"),
    ("str(np.array([2.5e-9, 1.0]))", {}, "str(f64(2.5e-9, 1))"),
    ("str(np.array([123456789.0]))", {}, "str(f64(123456789))"),
    ("str(np.array([1.00000005, 2.0]))", {}, "str(f64(1.00000005, 2))"),
    ("str(np.array([0.999999999, 0.5]))", {}, "str(f64(0.999999999, 0.5))"),
    # --- switch to scientific notation
    ("str(np.array([1e-5, 1.0]))", {}, "str(f64(1e-5, 1))"),
    ("repr(np.array([1e-5]))", {}, "repr(f64(1e-5))"),
    ("str(np.array([1e8, 1.0]))", {}, "str(f64(1e8, 1))"),
    ("str(np.array([1.0, 1000.0]))", {}, "str(f64(1, 1000))"),
    ("str(np.array([1.0, 1001.0]))", {}, "str(f64(1, 1001))"),
    ("str(np.array([1.5e-10, -2.25e12, 3.0]))", {}, "str(f64(1.5e-10, -2.25e12, 3))"),
    ("repr(np.array([6.02214076e23, 1.602176634e-19]))", {}, "repr(f64(6.02214076e23, 1.602176634e-19))"),
    ("str(np.array([1e-300, 1e300]))", {}, "str(f64(1e-300, 1e300))"),
    ("str(np.array([5e-324, 1.0]))", {}, "str(f64(5e-324, 1))"),
    # --- nan and inf
    ("str(np.array([np.nan, 1.0, -np.inf]))", {}, "str(f64(NaN, 1, -Infinity))"),
    ("repr(np.array([np.nan, np.inf]))", {}, "repr(f64(NaN, Infinity))"),
    ("str(np.array([-np.inf, np.nan]))", {}, "str(f64(-Infinity, NaN))"),
    ("str(np.array([1e-10, np.nan, np.inf]))", {}, "str(f64(1e-10, NaN, Infinity))"),
    ("str(np.array([0.5, np.nan]))", {}, "str(f64(0.5, NaN))"),
    # --- ints and bools
    ("str(np.array([1, 2, 3]))", {}, "str(i64(1, 2, 3))"),
    ("repr(np.array([-1, 10, 200]))", {}, "repr(i64(-1, 10, 200))"),
    ("str(np.array([10**12, -5, 0]))", {}, "str(i64(1e12, -5, 0))"),
    ("str(np.array([True, False]))", {}, "str(bools(1, 0))"),
    ("repr(np.array([True, False]))", {}, "repr(bools(1, 0))"),
    ("repr(np.array([[True], [False]]))", {}, "repr(reshape(bools(1, 0), 2, 1))"),
    ("str(np.array([False, False]))", {}, "str(bools(0, 0))"),
    # --- float32: its own shortest digits, repr names the dtype
    ("str(np.array([0.1, 0.2], dtype=np.float32))", {}, "str(f32(0.1, 0.2))"),
    ("repr(np.array([0.1, 0.2], dtype=np.float32))", {}, "repr(f32(0.1, 0.2))"),
    ("repr(np.arange(3, dtype=np.float32) / 3)", {}, "repr(div(arange(3, 'float32'), 3))"),
    ("repr(np.array([1e-5, 3.0], dtype=np.float32))", {}, "repr(f32(1e-5, 3))"),
    ("repr(np.arange(20, dtype=np.float32) / 3)", {}, "repr(div(arange(20, 'float32'), 3))"),
    ("repr(np.arange(12, dtype=np.float32).reshape(3, 4))", {}, "repr(reshape(arange(12, 'float32'), 3, 4))"),
    # --- wrapping at 75 columns (str) and 74 + 'array(' indent (repr)
    ("str(np.arange(30) / 7)", {}, "str(div(arange(30), 7))"),
    ("repr(np.arange(30) / 7)", {}, "repr(div(arange(30), 7))"),
    ("str(np.arange(40))", {}, "str(arange(40))"),
    ("repr(np.arange(40))", {}, "repr(arange(40))"),
    ("repr(np.arange(25.0))", {}, "repr(arange(25, 'float64'))"),
    ("repr(np.array([True, False] * 15))", {}, "repr(bools(...Array.from({ length: 30 }, (_, i) => (i + 1) % 2)))"),
    # --- 2-D and 3-D
    ("str(np.arange(6).reshape(2, 3))", {}, "str(reshape(arange(6), 2, 3))"),
    ("repr(np.arange(6).reshape(2, 3))", {}, "repr(reshape(arange(6), 2, 3))"),
    ("str(np.arange(6).reshape(2, 3) / 4 - 0.5)", {}, "str(sub(div(reshape(arange(6), 2, 3), 4), 0.5))"),
    ("repr(np.arange(6).reshape(2, 3) / 4 - 0.5)", {}, "repr(sub(div(reshape(arange(6), 2, 3), 4), 0.5))"),
    ("str(np.arange(40).reshape(2, 20) / 7)", {}, "str(div(reshape(arange(40), 2, 20), 7))"),
    ("repr(np.arange(40).reshape(2, 20) / 7)", {}, "repr(div(reshape(arange(40), 2, 20), 7))"),
    ("str(np.arange(24).reshape(2, 3, 4))", {}, "str(reshape(arange(24), 2, 3, 4))"),
    ("repr(np.arange(24).reshape(2, 3, 4))", {}, "repr(reshape(arange(24), 2, 3, 4))"),
    ("str(np.arange(12).reshape(2, 3, 2) / 8)", {}, "str(div(reshape(arange(12), 2, 3, 2), 8))"),
    ("repr(np.arange(16.0).reshape(2, 2, 2, 2))", {}, "repr(reshape(arange(16, 'float64'), 2, 2, 2, 2))"),
    ("str(np.array([[1e-5, 1.0], [2.0, -3.0]]))", {}, "str(reshape(f64(1e-5, 1, 2, -3), 2, 2))"),
    ("repr(np.array([[1], [2]]))", {}, "repr(reshape(i64(1, 2), 2, 1))"),
    # --- summarised with '...' when size > threshold
    ("str(np.arange(2000))", {}, "str(arange(2000))"),
    ("repr(np.arange(2000))", {}, "repr(arange(2000))"),
    ("str(np.arange(2500).reshape(50, 50) / 7)", {}, "str(div(reshape(arange(2500), 50, 50), 7))"),
    ("repr(np.arange(2500).reshape(50, 50) / 7)", {}, "repr(div(reshape(arange(2500), 50, 50), 7))"),
    ("str(np.arange(3000).reshape(10, 10, 30))", {}, "str(reshape(arange(3000), 10, 10, 30))"),
    ("repr(np.arange(1001, dtype=np.float32))", {}, "repr(arange(1001, 'float32'))"),
    ("str(np.arange(1000))  # exactly threshold: not summarised", {}, "str(arange(1000))"),
    # --- empty and 0-d
    ("str(np.array([]))", {}, "str(zeros([0]))"),
    ("repr(np.array([]))", {}, "repr(zeros([0]))"),
    ("repr(np.zeros((0, 3)))", {}, "repr(zeros([0, 3]))"),
    ("str(np.zeros((0, 3)))", {}, "str(zeros([0, 3]))"),
    ("repr(np.array([], dtype=np.int64))", {}, "repr(zeros([0], 'int64'))"),
    ("repr(np.zeros((2, 0), dtype=np.float32))", {}, "repr(zeros([2, 0], 'float32'))"),
    ("repr(np.array([], dtype=bool))", {}, "repr(zeros([0], 'bool'))"),
    ("str(np.array(3.5))", {}, "str(zeroD(3.5))"),
    ("repr(np.array(3.5))", {}, "repr(zeroD(3.5))"),
    ("str(np.array(1e-5))", {}, "str(zeroD(1e-5))"),
    ("repr(np.array(1e-5))", {}, "repr(zeroD(1e-5))"),
    ("str(np.array(1/3))  # 0-d str ignores precision", {}, "str(zeroD(1 / 3))"),
    ("repr(np.array(1/3))", {}, "repr(zeroD(1 / 3))"),
    ("repr(np.array(7))", {}, "repr(zeroD(7, 'int64'))"),
    ("repr(np.array(True))", {}, "repr(zeroD(1, 'bool'))"),
    ("str(np.array(False))", {}, "str(zeroD(0, 'bool'))"),
    ("repr(np.array(np.float32(0.1)))", {}, "repr(zeroD(0.1, 'float32'))"),
    ("repr(np.array(np.nan))", {}, "repr(zeroD(NaN))"),
    # --- np.set_printoptions
    ("str(np.array([1/3, 2/3]))", {"precision": 3}, "str(f64(1 / 3, 2 / 3), { precision: 3 })"),
    ("repr(np.array([1e-5/3, 1.0]))", {"precision": 3}, "repr(f64(1e-5 / 3, 1), { precision: 3 })"),
    ("str(np.array([2.5, 3.5, 0.25]))", {"precision": 0}, "str(f64(2.5, 3.5, 0.25), { precision: 0 })"),
    ("str(np.array([1e-10, 1.0, 1234.5]))", {"suppress": True}, "str(f64(1e-10, 1, 1234.5), { suppress: true })"),
    ("str(np.array([-1e-10, 1.0]))", {"suppress": True}, "str(f64(-1e-10, 1), { suppress: true })"),
    ("str(np.array([1e-10, 1e9]))", {"suppress": True}, "str(f64(1e-10, 1e9), { suppress: true })"),
    ("str(np.arange(20))", {"threshold": 10}, "str(arange(20), { threshold: 10 })"),
    ("repr(np.arange(20))", {"threshold": 10, "edgeitems": 1}, "repr(arange(20), { threshold: 10, edgeitems: 1 })"),
    ("str(np.arange(10) / 3)", {"linewidth": 30}, "str(div(arange(10), 3), { linewidth: 30 })"),
    ("repr(np.arange(10, dtype=np.float32) / 3)", {"linewidth": 30}, "repr(div(arange(10, 'float32'), 3), { linewidth: 30 })"),
    # --- NumPy scalars
    ("repr(np.float64(0.1))", {}, "scalarRepr(0.1, 'float64')"),
    ("repr(np.float64(1e-5))", {}, "scalarRepr(1e-5, 'float64')"),
    ("repr(np.float64(1e16))", {}, "scalarRepr(1e16, 'float64')"),
    ("repr(np.float64(1.5e16))", {}, "scalarRepr(1.5e16, 'float64')"),
    ("repr(np.float64(3.0))", {}, "scalarRepr(3, 'float64')"),
    ("repr(np.float64(0.0001))", {}, "scalarRepr(0.0001, 'float64')"),
    ("repr(np.float64(-0.0))", {}, "scalarRepr(-0, 'float64')"),
    ("repr(np.float64(np.inf))", {}, "scalarRepr(Infinity, 'float64')"),
    ("repr(np.float64(-np.inf))", {}, "scalarRepr(-Infinity, 'float64')"),
    ("repr(np.float64(np.nan))", {}, "scalarRepr(NaN, 'float64')"),
    ("str(np.float64(0.1 + 0.2))", {}, "scalarStr(0.1 + 0.2, 'float64')"),
    ("repr(np.float32(0.1))", {}, "scalarRepr(0.1, 'float32')"),
    ("repr(np.float32(1/3))", {}, "scalarRepr(1 / 3, 'float32')"),
    ("repr(np.float32(0.0001))", {}, "scalarRepr(0.0001, 'float32')"),
    ("repr(np.float32(16777216.0))", {}, "scalarRepr(16777216, 'float32')"),
    ("str(np.float32(1e20))", {}, "scalarStr(1e20, 'float32')"),
    ("repr(np.int64(3))", {}, "scalarRepr(3, 'int64')"),
    ("repr(np.int64(-42))", {}, "scalarRepr(-42, 'int64')"),
    ("repr(np.bool_(True))", {}, "scalarRepr(1, 'bool')"),
    ("str(np.bool_(False))", {}, "scalarStr(0, 'bool')"),
    # --- Python floats
    ("repr(0.1)", {}, "pythonFloatRepr(0.1)"),
    ("repr(1e-05)", {}, "pythonFloatRepr(1e-5)"),
    ("repr(0.0001)", {}, "pythonFloatRepr(0.0001)"),
    ("repr(1.5e16)", {}, "pythonFloatRepr(1.5e16)"),
    ("repr(9999999999999998.0)", {}, "pythonFloatRepr(9999999999999998)"),
    ("repr(110.00000000000001)", {}, "pythonFloatRepr(110.00000000000001)"),
    ("repr(3.0)", {}, "pythonFloatRepr(3)"),
    ("repr(-0.0)", {}, "pythonFloatRepr(-0)"),
    ("repr(float('inf'))", {}, "pythonFloatRepr(Infinity)"),
    ("repr(float('-inf'))", {}, "pythonFloatRepr(-Infinity)"),
    ("repr(float('nan'))", {}, "pythonFloatRepr(NaN)"),
    ("repr(1e22)", {}, "pythonFloatRepr(1e22)"),
    ("repr(5e-324)", {}, "pythonFloatRepr(5e-324)"),
    ("repr(123456789.123)", {}, "pythonFloatRepr(123456789.123)"),
]


def ts_string(s):
    """A TypeScript literal: a template literal for multi-line text, so it reads as printed."""
    if '\n' in s and not any(c in s for c in '`\\$'):
        return '`' + s + '`'
    # JSON string literals are valid TypeScript string literals
    return json.dumps(s)


def main():
    for py, opts, ts in ROWS:
        with np.printoptions(**opts):
            got = eval(py.split('  #')[0], {'np': np})
        label = py if not opts else py + '  # with ' + ', '.join(f'{k}={v}' for k, v in opts.items())
        if '\n' in got:
            print(f'  [\n    {ts_string(label)},\n    () => {ts},\n    {ts_string(got)},\n  ],')
        else:
            print(f'  [{ts_string(label)}, () => {ts}, {ts_string(got)}],')


if __name__ == '__main__':
    main()
