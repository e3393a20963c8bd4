# Summing over an axis the array does not have: numpy.AxisError.
import numpy as np


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


scores = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
y = softmax(scores)
print(y)
print("row sums", np.sum(y, axis=1))
print("column sums", np.sum(y, axis=0))
print("per sample", np.sum(y, axis=-1).shape)
print("depth sums", np.sum(y, axis=2))
