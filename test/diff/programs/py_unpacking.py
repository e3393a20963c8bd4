# Tuple unpacking into names, subscripts and attributes; star-unpacking; swaps.
class Affine:
    pass


def backward():
    return [0.5, -0.5], 0.25


grads = {}
grads['W1'], grads['b1'] = backward()
layer = Affine()
layer.dW, layer.db = grads['W1'], grads['b1']
print(grads, layer.dW, layer.db)

a, *rest = [1, 2, 3, 4]
*init, last = "hello"
first, *middle, end = range(6)
head, *empty = (9,)
print(a, rest, init, last, first, middle, end, head, empty)

(x, y), z = (1, 2), 3
[p, q] = "pq"
print(x, y, z, p, q)
x, y = y, x
print("swapped", x, y)

vals = [10, 20, 30]
vals[0], vals[2] = vals[2], vals[0]
i = 0
i, vals[i] = 1, 99   # left to right: i is set before vals[i]
print(vals, i)

m = n = k = 0
m += 1
print(m, n, k)

shape = (4, 3)
rows, cols = shape
print("rows", rows, "cols", cols)
for idx, (name, (lo, hi)) in enumerate([("W1", (0, 1)), ("b1", (-1, 1))]):
    print(idx, name, lo, hi)

data = {'W1': 1.0, 'b1': 0.0}
for key, value in data.items():
    print(key, value)
t = 1, 2, 3
one, two, three = t
print(t, one + two + three, type(t).__name__)
*_, tail = [5, 6, 7]
print(tail, [*rest, *"ab"], (*t, 4), {**data, 'W2': 2.0})
print(*rest, sep=", ")
