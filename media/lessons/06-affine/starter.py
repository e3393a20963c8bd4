import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        # TODO: dx (shape of x), self.dW (shape of W) and self.db (shape of b)
        dx = None
        self.dW = None
        self.db = None
        return dx


np.random.seed(0)
x = np.random.randn(2, 3)  # a batch of N = 2 inputs with 3 features each
W = np.random.randn(3, 4)
b = np.array([0.1, 0.2, 0.3, 0.4])

affine = Affine(W, b)
out = affine.forward(x)
dout = np.random.randn(2, 4)  # the gradient arriving from the layer above
dx = affine.backward(dout)

print("out.shape:", out.shape)
print("dx:", dx)
print("dW:", affine.dW)
print("db:", affine.db)
