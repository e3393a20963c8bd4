# Basic and advanced indexing: slices, integer arrays, y[np.arange(n), t], boolean masks.
import numpy as np

x = np.arange(12.0).reshape(3, 4)
print(x[0], x[-1], x[1, 2], x[1][2], x[-1, -1], x[:, 0], x[:, -1])
print(x[1:, ::2], x[:2, 1:3], x[::-1, 0], x[:, ::-2], x[0, 1:], x[1:2].shape, x[1].shape)
print(x[[0, 2]], x[[0, 2], [1, 3]], x[[2, 2, 0]].shape, x[:, [3, 0]])
y = np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.0, 0.1, 0.9], [0.3, 0.3, 0.4]])
t = np.array([1, 0, 2, 2])
n = y.shape[0]
picked = y[np.arange(n), t]
print(picked, -np.sum(np.log(picked + 1e-7)) / n)
dx = y.copy()
dx[np.arange(n), t] -= 1
print(dx / n)
mask = x > 5
print(mask)
print(x[mask], x[x % 2 == 0], x[~mask].sum(), x[(x > 2) & (x < 6)], x[(x < 1) | (x > 10)])
z = x.copy()
z[z > 5] = 0
z[0, z[0] > 1] = -1
print(z)
relu_in = np.array([[1.0, -0.5], [-2.0, 3.0]])
m = relu_in <= 0
out = relu_in.copy()
out[m] = 0
print(out, relu_in, m.dtype)
v = x[0, 1]
x[0, 1] = 99.0
print("scalar read is a copy:", v, type(v).__name__, x[0, 1])
r = x[1]
r[0] = -1.0
print("row slice is a view:", x[1, 0], r.shape)
f = x[[1]]
f[0, 0] = 555.0
print("fancy index is a copy:", x[1, 0], f[0, 0])
b = x[x > 100]
print(b, b.shape, x[np.array([True, False, True])].shape)
x[:, 1] = np.array([7.0, 8.0, 9.0])
x[2] = 0
x[0, :2] = [1, 2]
print(x)
one_hot = np.zeros((n, 3))
one_hot[np.arange(n), t] = 1
print(one_hot, one_hot.argmax(axis=1))
e = np.eye(4)[[3, 0]]
print(e, e[0, 3], e[:, 0])
idx = (1, 2)
print(y[idx], y[1, :][idx[1]], y[np.array([0, 3])][:, 2], y[-2:, -1], y[[-1]])
