# The main program prints, then imports a workspace module that has a SyntaxError.
import numpy as np

print("loading layers...")
x = np.array([0.0, 0.5, 1.0])
print("input", x)


def try_import():
    print("importing brokenlib.bad_layer")
    from brokenlib.bad_layer import Tanh
    return Tanh


Tanh = try_import()
print("never printed", Tanh)
