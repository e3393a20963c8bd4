# Element-wise functions to the last bit: NumPy computes these with SVML (float64) and its own
# loops (float32), whose results differ from other libms in the last digit; tolist() shows 17 digits.
import numpy as np

np.random.seed(3)
x = np.concatenate([np.linspace(-4, 4, 17), np.random.randn(24) * 3])
pos = np.abs(x) + 0.5
unit = np.tanh(x)
for name, f, v in [("sin", np.sin, x), ("cos", np.cos, x), ("tan", np.tan, x / 2), ("arctan", np.arctan, x),
                   ("arcsin", np.arcsin, unit), ("arccos", np.arccos, unit), ("sinh", np.sinh, x), ("cosh", np.cosh, x),
                   ("log2", np.log2, pos), ("log10", np.log10, pos), ("log1p", np.log1p, pos), ("expm1", np.expm1, x)]:
    print(name, f(v).tolist())
y = x.astype(np.float32)
ypos = np.abs(y) + np.float32(0.5)
for name, f, v in [("sin32", np.sin, y), ("cos32", np.cos, y), ("arctan32", np.arctan, y), ("sinh32", np.sinh, y),
                   ("log2_32", np.log2, ypos), ("log10_32", np.log10, ypos), ("log1p32", np.log1p, ypos), ("expm1_32", np.expm1, y)]:
    print(name, f(v).tolist())
