import numpy as np


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        # TODO: dout times the local derivative of the sigmoid, written with its output self.out
        dx = None
        return dx


x = np.array([0.5, 1.0, -0.5])
sigmoid = Sigmoid()
y = sigmoid.forward(x)
dx = sigmoid.backward(np.array([1.0, 1.0, 1.0]))

print("y:", y)
print("dx:", dx)
