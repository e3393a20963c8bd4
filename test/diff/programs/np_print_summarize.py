# Arrays above 1000 elements print summarised with '...'; 3-D and 4-D blocks with blank lines.
import numpy as np

big = np.arange(2000)
print(big)
print(repr(big))
print(big * 0.5)
print(np.arange(1001), np.arange(1000).size)
print(np.arange(1000)[-3:], np.arange(1000).reshape(10, 100)[:2, :3])
m = np.arange(2500, dtype=float).reshape(50, 50) / 7
print(m)
print(repr(m[:4, :4]))
print(np.zeros((40, 30)))
t = np.arange(3 * 11 * 40).reshape(3, 11, 40)
print(t)
print(np.ones((2, 2, 2)) * -1.5)
print(np.arange(16).reshape(2, 2, 2, 2))
print(repr(np.arange(12.0).reshape(3, 1, 4)))
b = np.arange(1200) % 3 == 0
print(b)
print(np.arange(1100).reshape(1100, 1))
print(big.sum(), big.mean(), big.reshape(40, 50).shape, big[big % 499 == 0])
