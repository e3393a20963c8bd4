# Affine (with tensor input) and SoftmaxWithLoss, with one-hot and label targets.
import numpy as np
from common.functions import softmax, cross_entropy_error


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        return np.dot(self.x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx


W = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [-0.1, 0.0, 0.1], [0.3, -0.3, 0.2]])
b = np.array([0.1, -0.1, 0.05])
affine = Affine(W, b)
x = np.arange(8.0).reshape(2, 2, 2) / 8     # 3-D input: flattened to (2, 4)
score = affine.forward(x)
print("score", score.shape)
print(score)
last = SoftmaxWithLoss()
t = np.array([2, 0])
loss = last.forward(score, t)
print("loss %.6f" % loss, "y", last.y)
dscore = last.backward()
print(dscore)
dx = affine.backward(dscore)
print("dx", dx.shape, "dW", affine.dW.shape, "db", affine.db)
print(dx)
onehot = np.zeros_like(score)
onehot[np.arange(2), t] = 1
loss2 = last.forward(score, onehot)
print("same loss:", abs(loss - loss2) < 1e-12, "same grad:", np.allclose(last.backward(), dscore))
print("loss for a 1-D score: %.6f" % last.forward(np.array([0.3, 2.9, 4.0]), np.array([0, 0, 1])))
print(np.round(affine.dW, 5).tolist())
