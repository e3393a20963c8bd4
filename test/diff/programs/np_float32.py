# float32 arrays: dtype propagation, printing, and the extra digits that tolist() reveals.
import numpy as np

x = np.array([0.1, 0.2, 0.3], dtype=np.float32)
print(x, x.dtype, repr(x), x.size)
print(x.tolist())
print(x[0], type(x[0]).__name__, repr(x[0]), float(x[0]), x[0] == 0.1, x[0] == np.float32(0.1))
y = x * 2
print(y, y.dtype, (x + 1.5).dtype, (x * np.float32(3)).dtype, (x + np.array([1.0, 2.0, 3.0])).dtype)
print(x + np.array([1.0, 2.0, 3.0]), (x + np.float64(0.5)).dtype, (x + 1).dtype)
third = np.float32(1) / np.float32(3)
print(third, type(third).__name__, third * 3, np.float32(1 / 3) == third, float(third))
W = np.array([[0.5, -1.25], [2.0, 0.1]], dtype=np.float32)
v = np.array([1.0, 2.0], dtype=np.float32)
out = np.dot(v, W)
print(out, out.dtype, (W @ W).dtype, W.T, W.sum(), W.sum().dtype, W.mean(axis=0))
print(np.exp(v), np.exp(v).dtype, np.sqrt(W[0, 0]), np.tanh(v).tolist())
print(np.zeros(2, dtype=np.float32), np.ones((2, 2), dtype=np.float32).dtype, np.zeros_like(W).dtype)
b = np.array([1, 2, 3], dtype=np.float32) / 7
print(b, b.tolist(), b.astype(np.float64).tolist(), b.astype(np.float64))
print(repr(np.array([1.0, 1e-5], dtype=np.float32)), repr(np.array([[1, 2]], dtype=np.float32)))
g = np.arange(6, dtype=np.float32).reshape(2, 3)
g -= 0.1 * np.ones((2, 3))
print(g, g.dtype)
g *= np.float64(2)
print(g.dtype, g[1].tolist(), str(g[0, 1]), np.float32(16777217.0), np.float32(0.1) + np.float32(0.2))
