# A typo in an attribute name: CPython 3.11 adds a "Did you mean" hint to the message.
import numpy as np


class Affine:
    def __init__(self, weight, bias):
        self.weight = weight
        self.bias = bias

    def forward(self, x):
        self.x = x
        return np.dot(x, self.weight) + self.bias

    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        return np.dot(dout, self.wieght.T)


layer = Affine(np.ones((2, 3)), np.zeros(3))
out = layer.forward(np.ones((1, 2)))
print("forward:", out)
dx = layer.backward(np.ones_like(out))
print("never printed", dx)
