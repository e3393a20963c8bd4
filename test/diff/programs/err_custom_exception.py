# A custom exception class raised by a shape check, uncaught.
import numpy as np


class ShapeError(ValueError):
    def __init__(self, name, expected, got):
        super().__init__("%s: expected shape %s, got %s" % (name, expected, got))


def check_shape(name, array, expected):
    if array.shape != expected:
        raise ShapeError(name, expected, array.shape)
    print(name, "ok", array.shape)


params = {'W1': np.zeros((4, 3)), 'b1': np.zeros(3), 'W2': np.zeros((2, 3))}
expected = {'W1': (4, 3), 'b1': (3,), 'W2': (3, 2)}
for key in params:
    check_shape(key, params[key], expected[key])
print("never printed")
