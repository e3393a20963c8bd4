# A small learner script: the chapter's layers on tiny inputs, printed (the common case of "Run File").
import numpy as np


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x, self.y = x, y
        return x * y

    def backward(self, dout):
        return dout * self.y, dout * self.x


class Sigmoid:
    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


apple, tax = MulLayer(), MulLayer()
price = tax.forward(apple.forward(100, 2), 1.1)
dprice = 1
dapple_price, dtax = tax.backward(dprice)
dapple, dapple_num = apple.backward(dapple_price)
print("price:", int(price), "dApple:", dapple, "dApple_num:", int(dapple_num), "dTax:", dtax)

np.random.seed(1)
sig = Sigmoid()
x = np.random.randn(4, 5)
y = sig.forward(x)
print(y)
print(sig.backward(np.ones_like(y)))
print(np.allclose(sig.backward(np.ones_like(y)), y * (1 - y)))
