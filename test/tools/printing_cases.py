"""Generate random NumPy arrays and scalars with the text NumPy prints for them.

Run with the reference interpreter (CPython 3.11 + NumPy 1.24):
    /usr/bin/python3 test/tools/printing_cases.py [count] [seed] > cases.jsonl
Each line is a JSON object; test/tools/printing-diff.ts compares them with printing.ts.
Floats are written as Python repr strings so they round-trip exactly ('nan', 'inf', '-0.0').
"""
import json
import random
import sys

import numpy as np

DEFAULTS = dict(precision=8, suppress=False, threshold=1000, edgeitems=3, linewidth=75)


def rand_shape(rng):
    ndim = rng.choice([0, 1, 1, 1, 2, 2, 3])
    if rng.random() < 0.05:
        # big enough to be summarised
        return rng.choice([(rng.randint(1001, 2500),), (rng.randint(30, 60), rng.randint(30, 60)),
                           (rng.randint(5, 12), rng.randint(10, 20), rng.randint(10, 20))])
    if rng.random() < 0.03:
        return tuple(rng.choice([0, 1, 2, 3]) for _ in range(max(ndim, 1)))
    return tuple(rng.randint(1, 6 if ndim > 1 else 25) for _ in range(ndim))


def rand_floats(rng, n):
    kind = rng.random()
    lo = rng.uniform(-12, 12)
    hi = min(12, lo + rng.uniform(0, 8))
    mags = 10 ** np.array([rng.uniform(lo, hi) for _ in range(n)])
    signs = np.array([rng.choice([1, 1, -1]) if rng.random() < 0.5 else 1 for _ in range(n)])
    x = mags * signs
    if kind < 0.2:
        # values with few digits: round to a random number of decimals
        x = np.round(x, rng.randint(0, 4))
    elif kind < 0.3:
        x = np.array([rng.randint(-1000, 1000) / rng.choice([1, 2, 4, 8, 10, 100]) for _ in range(n)])
    elif kind < 0.35:
        # ties and near-ties at the 8th digit
        x = np.array([float(f"{rng.randint(0, 10**9)}5e-{rng.randint(1, 12)}") for _ in range(n)])
    if rng.random() < 0.15 and n > 0:
        for _ in range(rng.randint(1, 3)):
            x[rng.randrange(n)] = rng.choice([np.nan, np.inf, -np.inf, 0.0, -0.0])
    return x


def options(rng):
    o = dict(DEFAULTS)
    if rng.random() < 0.3:
        o['precision'] = rng.randint(0, 12)
    if rng.random() < 0.2:
        o['suppress'] = True
    if rng.random() < 0.2:
        o['linewidth'] = rng.randint(10, 150)
    if rng.random() < 0.1:
        o['threshold'] = rng.randint(5, 60)
        o['edgeitems'] = rng.randint(1, 4)
    return o


def enc(v):
    return repr(float(v))


def array_case(rng):
    shape = rand_shape(rng)
    n = int(np.prod(shape))
    dtype = rng.choice(['float64', 'float64', 'float64', 'float32', 'int64', 'bool'])
    if dtype == 'int64':
        scale = 10 ** rng.randint(0, 12)
        a = np.array([rng.randint(-scale, scale) for _ in range(n)], dtype=np.int64)
    elif dtype == 'bool':
        a = np.array([rng.random() < 0.5 for _ in range(n)], dtype=bool)
    else:
        a = rand_floats(rng, n).astype(dtype)
    a = a.reshape(shape)
    o = options(rng) if rng.random() < 0.4 else dict(DEFAULTS)
    with np.printoptions(**o):
        s, r = str(a), repr(a)
    data = [enc(v) if dtype.startswith('float') else int(v) for v in a.ravel()]
    return dict(kind='array', dtype=dtype, shape=list(shape), data=data, opts=o, str=s, repr=r)


def scalar_case(rng):
    dtype = rng.choice(['float64', 'float32', 'pyfloat'])
    x = float(rand_floats(rng, 1)[0])
    if dtype == 'float32':
        v = np.float32(x)
        return dict(kind='scalar', dtype=dtype, value=enc(v), str=str(v), repr=repr(v))
    if dtype == 'float64':
        v = np.float64(x)
        return dict(kind='scalar', dtype=dtype, value=enc(v), str=str(v), repr=repr(v))
    return dict(kind='pyfloat', value=enc(x), repr=repr(x))


def fixed_case(a, **opts):
    o = dict(DEFAULTS, **opts)
    with np.printoptions(**o):
        s, r = str(a), repr(a)
    dtype = str(a.dtype)
    data = [enc(v) if dtype.startswith('float') else int(v) for v in a.ravel()]
    return dict(kind='array', dtype=dtype, shape=list(a.shape), data=data, opts=o, str=s, repr=r)


def edge_cases():
    """Corners the random cases rarely reach."""
    f32 = np.float32
    yield fixed_case(np.arange(10.0), threshold=3, edgeitems=0)
    yield fixed_case(np.arange(24).reshape(2, 3, 4), threshold=0, edgeitems=1)
    yield fixed_case(np.arange(24).reshape(2, 3, 4) / 7, threshold=5, edgeitems=2)
    yield fixed_case(np.arange(6) / 7, precision=17)
    yield fixed_case(np.array([0.1, 1e-20]), precision=20)
    yield fixed_case(np.arange(6) / 7, linewidth=1)
    yield fixed_case(np.arange(12).reshape(3, 4) / 7, linewidth=5)
    yield fixed_case(np.array([np.nan, np.nan]))
    yield fixed_case(np.array([np.inf, -np.inf]))
    yield fixed_case(np.array([[np.nan, 1e-7], [np.inf, -1.0]]))
    yield fixed_case(np.array([0.0, np.inf]))
    yield fixed_case(np.array([-0.0, -0.0]))
    yield fixed_case(np.array([1e-45, 3e38, 1.0], dtype=f32))
    yield fixed_case(np.array([1e-45, 1e-40], dtype=f32))
    yield fixed_case(np.array([3.4028235e38, -np.inf], dtype=f32))
    yield fixed_case(np.array([1e8, 1e-8], dtype=f32), suppress=True)
    yield fixed_case(np.array([16777217.0, 0.1], dtype=f32))
    yield fixed_case(np.array([2**53, -2**53 + 1], dtype=np.int64))
    yield fixed_case(np.array([2.0**60, 1.0]), suppress=True)
    yield fixed_case(np.array([1e23, 1.0]), suppress=True)
    yield fixed_case(np.array([1e22, 1.0]), suppress=True)
    yield fixed_case(np.array([1e-5, 1e-6]), suppress=True, precision=5)
    yield fixed_case(np.array([5e-9, 1.0]), suppress=True)
    yield fixed_case(np.array([4.9999999e-9, 1.0]), suppress=True)
    yield fixed_case(np.array([0.5, 1.5, 2.5]), precision=0)
    yield fixed_case(np.array([0.05, 0.15, 0.25, 0.35]), precision=1)
    yield fixed_case(np.array([1.5e-5, 2.5e-5]), precision=1)
    yield fixed_case(np.array([True] * 2000).reshape(40, 50))
    yield fixed_case(np.zeros((3, 0, 2)))
    yield fixed_case(np.zeros((0,), dtype=np.int64))
    yield fixed_case(np.arange(1002).reshape(2, 501))
    yield fixed_case(np.arange(1002).reshape(501, 2))
    yield fixed_case(np.arange(2000).reshape(1, 2000) / 3)
    yield fixed_case(np.arange(100.0), linewidth=200, threshold=10**9)
    yield fixed_case(np.arange(40, dtype=f32) / 7)
    yield fixed_case(np.array([123456.7, 1.0], dtype=f32))
    yield fixed_case(np.array(-0.0))
    yield fixed_case(np.array(np.inf, dtype=f32))
    yield fixed_case(np.array(1e16))
    yield fixed_case(np.array(-5, dtype=np.int64))
    for v in [1e16, 9.999999e15, 1e-4, 9.9999e-5, 3.4028235e38, 1e-45, 2.0**-149, 0.3, 2.0**24 + 2]:
        yield dict(kind='scalar', dtype='float32', value=enc(f32(v)), str=str(f32(v)), repr=repr(f32(v)))
    for v in [1e16, 9999999999999998.0, 1e-4, 0.00009999999999999999, 2.0**-1074, 1.7976931348623157e308,
              2.0**63, 123456789012345678.0, 1e21, 1e-7]:
        yield dict(kind='scalar', dtype='float64', value=enc(v), str=str(np.float64(v)), repr=repr(np.float64(v)))
        yield dict(kind='pyfloat', value=enc(v), repr=repr(v))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    for case in edge_cases():
        print(json.dumps(case))
    for _ in range(count):
        case = array_case(rng) if rng.random() < 0.75 else scalar_case(rng)
        print(json.dumps(case))


if __name__ == '__main__':
    main()
