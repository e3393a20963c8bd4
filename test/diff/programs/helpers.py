# A sibling module that other programs import with `from helpers import f`.
# Run on its own, it also demonstrates the `if __name__ == '__main__':` guard.
import numpy as np


def f(x):
    """y = x^2 + 0.1x, the book's ch04 example function, elementwise."""
    return x ** 2 + 0.1 * x


def numerical_diff(func, x, h=1e-4):
    return (func(x + h) - func(x - h)) / (2 * h)


def describe(name, arr):
    return "%s: shape=%s dtype=%s" % (name, arr.shape, arr.dtype)


def tangent_line(func, x):
    d = numerical_diff(func, x)
    y = func(x) - d * x
    return lambda t: d * t + y


if __name__ == '__main__':
    print("helpers run directly:", __name__)
    print(f(2.0), f(np.array([0.0, 1.0, -1.0])))
    print("f'(5) ~ %.6f" % numerical_diff(f, 5.0))
    line = tangent_line(f, 5.0)
    print("tangent at 6: %.4f" % line(6.0))
    print(describe("grid", np.zeros((2, 3))))
