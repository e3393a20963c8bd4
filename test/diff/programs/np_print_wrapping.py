# Long arrays wrap at 75 columns: in print, in repr, inside lists and in 2-D rows.
import numpy as np

x = np.arange(30) * 0.1
print(x)
print(repr(x))
print(np.arange(40))
print(repr(np.arange(40)))
print(np.arange(11) / 10, np.arange(11) / 10)
print([np.arange(20) / 3])
print((np.arange(12) - 6) / 7)
print(np.array([True, False] * 15))
w = np.arange(24).reshape(2, 12) * 1.5
print(w)
print(repr(w))
n = np.arange(16) * 1e-5
print(n)
print({'W1': np.arange(14) * 0.25})
print("grad:", np.arange(25) - 12)
y = np.arange(10, dtype=float) / 9
print(y, y.sum())
print(repr(np.arange(13, dtype=np.float32) / 3))
print(np.arange(100, 118))
print(repr(np.arange(20).reshape(4, 5) * 1000))
