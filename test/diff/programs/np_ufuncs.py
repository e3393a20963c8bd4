# Elementwise functions: exp, log, tanh, sqrt, abs, maximum, on arrays and scalars.
import numpy as np

x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
print(np.exp(x))
print(np.log(np.array([1.0, np.e, 10.0, 1e-7])))
print(np.tanh(x), 1 - np.tanh(x) ** 2)
print(np.sqrt(np.array([0.0, 1.0, 2.0, 4.0, 1e-8])), np.sqrt(16), np.sqrt(2.0))
print(np.abs(x), abs(x), np.abs(np.array([-3, 0, 3])), np.abs(-2.5))
print(np.maximum(0, x), np.maximum(x, 0.25), np.maximum(np.array([1, 5]), np.array([3, 2])))
print(np.exp(1.0), np.log(2.0), np.tanh(0.5), type(np.exp(1.0)).__name__, np.exp(0), np.exp(np.float64(-1)))
ints = np.array([0, 1, 2])
print(np.exp(ints), np.exp(ints).dtype, np.sqrt(ints), np.log(ints + 1), np.maximum(ints, 1))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def relu(z):
    return np.maximum(0, z)


s = sigmoid(x)
print(s)
print(s * (1 - s), sigmoid(0.0), sigmoid(np.array(0.0)))
print(relu(x), relu(np.array([[-1, 2], [3, -4]])))
y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
delta = 1e-7
print("cross entropy", -np.sum(t * np.log(y + delta)))
print("sum squared", 0.5 * np.sum((y - t) ** 2))
print(np.exp(np.log(5.0)), np.log(np.exp(3.0)), np.sqrt(x ** 2))
m = np.array([[1.0, 4.0], [9.0, 16.0]])
print(np.sqrt(m), np.exp(m / 16), np.log(m).sum())
print(x ** 2, x ** 3, 2 ** x, np.abs(x) ** 0.5)
print(np.maximum(np.array([np.nan, 1.0]), 0.0), np.exp(np.array([-1000.0, 700.0])))
