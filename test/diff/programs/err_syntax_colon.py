# A method definition missing its colon: SyntaxError before anything runs.
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x)
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        return np.dot(dout, self.W.T)


print(Affine(np.eye(2), np.zeros(2)).forward(np.ones(2)))
