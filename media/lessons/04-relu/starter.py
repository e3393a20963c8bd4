import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)  # True where the input was 0 or negative
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        # TODO: pass dout through where the input was positive, 0 where self.mask is True
        dx = None
        return dx


x = np.array([[1.0, -0.5], [-2.0, 3.0]])
relu = Relu()
out = relu.forward(x)

dout = np.array([[0.5, 0.5], [0.5, 0.5]])
dx = relu.backward(dout)

print("out:", out)
print("mask:", relu.mask)
print("dx:", dx)
print("dout after backward:", dout)
