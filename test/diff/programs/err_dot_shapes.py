# Affine.backward without the transpose: np.dot shapes are not aligned.
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W)      # should be self.W.T
        self.dW = np.dot(self.x.T, dout)
        return dx


layer = Affine(0.5 * np.ones((3, 2)), np.zeros(2))
out = layer.forward(np.ones((4, 3)))
print("forward", out.shape)
print(out)
dx = layer.backward(np.ones_like(out))
print("never printed", dx)
