# Arithmetic, comparison and in-place operators between arrays, Python scalars and np.float64.
import numpy as np

a = np.array([1.0, -2.0, 3.0])
b = np.array([0.5, 4.0, -1.0])
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, +a)
print(a + 1, 1 - a, a * 0.1, 10 / a, abs(a) ** 0.5)
print(a == b, a != b, a < b, a >= 1, 0 > a, a == np.array([1, -2, 3]))
print((a > 0) & (b > 0), (a > 0) | (b > 0), ~(a > 0), (a > 0) ^ (b > 0))
h = np.float64(1e-4)
print(h, type(h + 1).__name__, type(1 + h).__name__, type(h * 2.0).__name__, h * 2, h / 2, h + h)
print(type(a[0] + a[1]).__name__, a[0] + a[1], a[0] * 3, type(a[0] > 0).__name__, a[0] > 0)
x = np.array([1.0, 2.0, 3.0])
y = x
x += 1
print(x, y, x is y)
x -= np.array([0.5, 0.5, 0.5])
x *= 2
x /= 4
print(x, y)
x **= 2
x %= 1
print(x)
k = np.array([1, 2, 3])
k += 2
k *= 3
k //= 2
k -= np.array([1, 1, 1])
print(k, k.dtype, k * 1.5, k / 2, k % 4, -k, k ** 2, 2 ** k)
k2 = np.array([5, -5, 7])
print(k2 // 2, k2 % 3, k2 // -2, k2 % -3, np.array([7.5, -7.5]) // 2, np.array([7.5, -7.5]) % 2)
s = 3.0
s += np.float64(0.5)
print(s, type(s).__name__)
total = 0
for v in np.array([0.1, 0.2, 0.3]):
    total += v
print(total, type(total).__name__, total == 0.6000000000000001)
i64 = np.int64(7)
print(i64 // 2, i64 / 2, type(i64 / 2).__name__, i64 * 2.5, -i64 % 3, type(i64 + 1).__name__)
grads = np.array([0.2, -0.4])
params = np.array([1.0, 1.0])
lr = 0.5
params -= lr * grads
print(params, params * (params > 0.9))
dout = np.ones((2, 2))
dout *= np.array([[0.5], [2.0]])
print(dout, dout.sum())
print(np.array([True, False]) * 3, np.array([1, 2]) * True, np.array([2.0]) ** np.array([3]))
print(1e-7 + np.array([0.0, 1.0]), np.array([0.1, 0.2]) + np.array([0.2, 0.1]) == 0.3)
