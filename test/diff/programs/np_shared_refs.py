# Shared references: layers hold the same arrays as params, in-place updates, views and copies.
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b


params = {'W1': np.array([[1.0, 2.0], [3.0, 4.0]]), 'b1': np.zeros(2)}
layer = Affine(params['W1'], params['b1'])
print(layer.W is params['W1'], layer.b is params['b1'])

grads = {'W1': np.ones((2, 2)), 'b1': np.array([0.5, -0.5])}
for key in ('W1', 'b1'):
    params[key] -= 0.1 * grads[key]      # in place: the layer sees the update
print(layer.W, layer.b, layer.W is params['W1'])

params['W1'] = params['W1'] - 0.1 * grads['W1']   # rebinding: the layer keeps the old array
print(layer.W is params['W1'], layer.W[0, 0], params['W1'][0, 0])

a = np.arange(6.0)
alias = a
view = a.reshape(2, 3)
part = a[2:5]
copy = a.copy()
a[0] = 100.0
view[1, 2] = -1.0
part[0] = 42.0
print(a, alias is a, view, copy)
print(view.shape, a.shape, copy is a, part is a[2:5])


def scale_in_place(arr):
    arr *= 2


def scale_new(arr):
    arr = arr * 2
    return arr


v = np.array([1.0, 2.0])
scale_in_place(v)
print(v)
w = scale_new(v)
print(v, w, v is w)
x = np.array([0.5, 1.5])
idx = 1
keep = x[idx]
x[idx] = keep + 1e-4
print(x, keep)
x[idx] = keep
print(x, x[idx] is keep, x[idx] == keep)
lst = [np.zeros(2)] * 2
lst[0][0] = 9.0
print(lst, lst[0] is lst[1])
t = x.T
t[0] = -3.0
print(x, x.flatten() is x, np.zeros(3) is np.zeros(3))
