# np.nditer with flags=['multi_index'] and op_flags=['readwrite'], as numerical_gradient uses it.
import numpy as np

x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
print(type(it).__name__, it.finished)
while not it.finished:
    idx = it.multi_index
    print(idx, x[idx], end="; ")
    it.iternext()
print()
print("finished:", it.finished)


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val   # restore: tmp_val is a copy, not a view
        it.iternext()
    return grad


def function_2(x):
    return np.sum(x ** 2)


before = x.copy()
g = numerical_gradient(function_2, x)
print(np.round(g, 6))
print("x restored:", np.array_equal(x, before), (x == before).all())
v = np.array([3.0, 4.0])
print(np.round(numerical_gradient(function_2, v), 6), v)
w = np.array([[[0.5]], [[-0.5]]])
print(np.round(numerical_gradient(lambda a: np.sum(a ** 3), w), 5).tolist())
it = np.nditer(np.zeros(3), flags=['multi_index'])
steps = []
while not it.finished:
    steps.append(it.multi_index)
    more = it.iternext()
print(steps, more, it.finished)
grid = np.arange(6).reshape(3, 2)
it = np.nditer(grid, flags=['multi_index'], op_flags=['readwrite'])
while not it.finished:
    i, j = it.multi_index
    grid[i, j] = grid[i, j] * 10 + i
    it.iternext()
print(grid)
