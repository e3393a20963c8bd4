# Legacy np.random: seed, rand, randn (several shapes, interleaved), printed exactly.
import numpy as np

np.random.seed(0)
print(np.random.rand())
print(np.random.rand(3).tolist())
print(np.random.rand(2, 3))
print(np.random.randn())
print(np.random.randn(3).tolist())   # odd count: one Gaussian is left cached
print(np.random.rand(1).tolist())    # uniform draws do not touch the cache
print(np.random.randn(2, 2).tolist())
print(np.random.randn(1, 1, 2))

np.random.seed(42)
a = np.random.randn(2, 3)
np.random.seed(42)
b = np.random.randn(2, 3)
print((a == b).all(), a.shape, a.dtype)
print(a.tolist())
print(repr(a))

np.random.seed(1)
w = 0.01 * np.random.randn(4, 3)
print(w.tolist())
print(w)
x = np.random.rand(2, 4)
print(x @ w)

np.random.seed(2024)
mixed = []
for i in range(4):
    if i % 2 == 0:
        mixed.append(np.random.randn())
    else:
        mixed.append(np.random.rand())
print(mixed)
print(type(mixed[0]).__name__, type(np.random.rand()).__name__, np.random.randn(0).shape)
np.random.seed(7)
print(np.random.randn(5).tolist())
np.random.seed(7)
first = np.random.randn(3)
second = np.random.randn(2)
print(first.tolist() + second.tolist())
