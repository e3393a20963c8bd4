# A workspace module with a syntax error: it is only found when the main program imports it.
import numpy as np


class Tanh:
    def forward(self, x):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout)
        return dout * (1.0 - self.out ** 2)
