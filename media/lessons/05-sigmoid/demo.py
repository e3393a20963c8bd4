# The seed notes' Sigmoid: the derivative two ways, step by step through the graph and with y(1 - y).
import numpy as np


class Sigmoid:
    def __init__(self):
        self.t1 = None
        self.t2 = None
        self.t3 = None
        self.out = None

    def forward(self, x):
        self.t1 = -x
        self.t2 = np.exp(self.t1)
        self.t3 = 1 + self.t2
        out = 1 / self.t3
        self.out = out
        return out

    def backward(self, dout):
        dy_dt3 = -1 / (self.t3 ** 2)
        dt3_dt2 = 1
        dt2_dt1 = np.exp(self.t1)
        dt1_dx = -1
        dx_steps = dout * dy_dt3 * dt3_dt2 * dt2_dt1 * dt1_dx
        dx = dout * (1.0 - self.out) * self.out
        self.dx_steps = dx_steps
        return dx


x = np.array([0.5, 1.0, -0.5])
sigmoid = Sigmoid()
y = sigmoid.forward(x)
dx = sigmoid.backward(np.array([1.0, 1.0, 1.0]))
dx_steps = sigmoid.dx_steps
print("y:", y)
print("dx (chain of steps):", dx_steps)
print("dx (y(1 - y)):", dx)
print("same?", np.allclose(dx, dx_steps))
