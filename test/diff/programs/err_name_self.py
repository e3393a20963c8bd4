# A misspelled `self` inside a method: NameError raised two frames deep.
import numpy as np


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        dx = dout * self.y
        dy = dout * slef.x
        return dx, dy


layer = MulLayer()
price = layer.forward(np.array([100.0, 150.0]), 2)
print("price:", price)
print("now backward...")
dx, dy = layer.backward(1.0)
print("never printed", dx, dy)
