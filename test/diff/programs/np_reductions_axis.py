# sum/max/min/mean/average/argmax with axis (int, negative, tuple) and keepdims; allclose/all/any/round.
import numpy as np

x = np.arange(24, dtype=float).reshape(2, 3, 4) / 4
print(x.sum(), np.sum(x, axis=0))
print(np.sum(x, axis=-1), np.sum(x, axis=(0, 2)), np.sum(x, axis=(1, 2)).shape)
print(np.sum(x, axis=1, keepdims=True).shape, np.sum(x, axis=(0, 1), keepdims=True))
print(np.max(x, axis=2), np.min(x, axis=1)[1], x.max(axis=-2).shape, x.min())
print(np.mean(x, axis=0).shape, np.mean(x, axis=(0, 1, 2)), x.mean(axis=-1, keepdims=True).shape)
print(np.argmax(x), np.argmax(x, axis=2), np.argmax(x[0], axis=0), np.argmax(-x, axis=1))

y = np.array([[0.1, 0.8, 0.1], [0.3, 0.2, 0.5], [0.6, 0.3, 0.1], [0.2, 0.2, 0.6]])
t = np.array([1, 2, 0, 1])
pred = np.argmax(y, axis=1)
print("pred", pred, "t", t, "correct", pred == t, np.sum(pred == t), np.sum(pred == t) / float(len(t)))
print(y.sum(axis=1), y.sum(axis=0), y.max(axis=1, keepdims=True))
print(np.average(y), np.average(y, axis=0), np.average(np.array([1.0, 2.0, 3.0]), weights=[3, 1, 0]))
print(np.mean(np.array([1, 2, 3, 4])), np.mean(np.array([[1, 2], [3, 5]]), axis=1), np.sum(np.array([True, True, False])))
ints = np.array([[1, 5, 2], [7, 0, 3]])
print(ints.sum(axis=0), ints.sum(axis=1, keepdims=True), ints.max(), ints.argmax(), ints.argmax(axis=0), ints.min(axis=-1))
print(type(ints.sum()).__name__, type(ints.argmax()).__name__, type(y.max()).__name__, type(np.mean(ints)).__name__)

a = np.array([1.0, 2.0, 3.0])
b = a + 1e-9
print(np.allclose(a, b), np.allclose(a, a + 1e-3), np.allclose(a, 2.0), np.allclose([1e-9], [0.0]))
print((a > 0).all(), (a > 2).any(), np.all(a > 1), np.any(a < 0), np.all(ints >= 0, axis=1), np.any(ints == 0, axis=0))
print(np.round(y / 3, 3), np.round(2.5), np.round(3.5), np.round(-0.5), np.round(1234.5678, -2), np.round(0.125, 2))
print(y.round(1), np.round(np.array([0.5, 1.5, 2.5, -1.5])), np.round(7), np.round(np.float64(2.675), 2))
z = np.array([[3.0, -1.0], [2.0, 8.0]])
print(np.max(z), np.min(z, axis=0), np.sum(z, 0), np.sum(z, axis=1) / z.shape[1], z.argmax(axis=-1))
c = x - x.max(axis=-1, keepdims=True)
print(c[0])
s = np.exp(c) / np.sum(np.exp(c), axis=-1, keepdims=True)
print(np.allclose(s.sum(axis=-1), 1.0), s.shape, np.round(s[1, 2], 4))
