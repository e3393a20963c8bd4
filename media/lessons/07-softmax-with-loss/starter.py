import numpy as np
from common.functions import softmax, cross_entropy_error


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  # the output of softmax
        self.t = None  # the labels (one-hot)

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        # TODO: the gradient of the mean loss with respect to the scores x
        dx = None
        return dx


x = np.array([[0.3, 2.9, 4.0], [1.0, 0.5, -1.0]])  # scores for a batch of 2
t = np.array([[0, 0, 1], [1, 0, 0]])  # the right classes, one-hot

layer = SoftmaxWithLoss()
loss = layer.forward(x, t)
dx = layer.backward()

print("y:", layer.y)
print("loss:", loss)
print("dx:", dx)
