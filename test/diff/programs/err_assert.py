# A gradient check written with assert: AssertionError with the message.
import numpy as np


def numerical_diff(f, x, h=1e-4):
    return (f(x + h) - f(x - h)) / (2 * h)


def f(x):
    return x ** 3


def wrong_derivative(x):
    return 3 * x ** 2 + 0.5   # deliberately off by 0.5


for x in [0.5, 1.0, 2.0]:
    num = numerical_diff(f, x)
    print("x=%.1f numerical=%.6f" % (x, num))
    assert abs(num - 3 * x ** 2) < 1e-6, "correct derivative disagrees"
    assert abs(num - wrong_derivative(x)) < 1e-6, "gradient check failed at x=%s" % x
print("never printed")
