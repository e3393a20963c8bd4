# Workspace modules in sub-folders: from mylib.layers import *, import ... as, sibling modules.
import numpy as np
from mylib.layers import *
from helpers import f, numerical_diff
import mylib.layers as L
import mylib
import helpers
from mylib import layers as same_module

print("MulLayer" in globals(), "_SCALE" in globals(), "_scaled" in globals(), "np" in dir(L))
print(MulLayer is L.MulLayer, L is same_module, L is mylib.layers, mylib.VERSION)
print(L.__name__, mylib.__name__, helpers.__name__, __name__, helpers.f is f)

apple = MulLayer()
tax = L.MulLayer()
total = apple.forward(100, 2)
price = tax.forward(total, 1.1)
print("price:", int(price), "d:", tax.backward(1), apple.backward(1.1))
relu = Relu()
x = np.array([[1.0, -0.5], [-2.0, 3.0]])
print(relu.forward(x))
print(relu.backward(np.ones((2, 2))))
add = AddLayer()
print(add.forward(f(2.0), f(3.0)), add.backward(2.5))
print("f'(2) = %.6f" % numerical_diff(f, 2.0), helpers.describe("x", x))
L._SCALE = 2.0   # module globals are shared: the module's functions see the change
print(apple.forward(3, 4), MulLayer().forward(1, 1))
import mylib.layers   # already imported: no second "module loaded" line
print(type(L).__name__, hasattr(L, 'AddLayer'), getattr(mylib, 'layers') is L)
