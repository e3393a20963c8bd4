# Relu and Sigmoid layers; the sigmoid derivative computed two ways (step by step, and y(1-y)).
import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx


class Sigmoid:
    def __init__(self):
        self.t1 = self.t2 = self.t3 = None
        self.out = None

    def forward(self, x):
        self.t1 = -x                 # 노드 "×-1"
        self.t2 = np.exp(self.t1)    # 노드 "exp"
        self.t3 = 1 + self.t2        # 노드 "+"
        self.out = 1 / self.t3       # 노드 "/"
        return self.out

    def backward(self, dout):
        dt3 = dout * (-1 / self.t3 ** 2)
        dt2 = dt3 * 1
        dt1 = dt2 * np.exp(self.t1)
        dx_steps = dt1 * -1
        dx_short = dout * (1.0 - self.out) * self.out   # 정리한 식
        return dx_steps, dx_short


x = np.array([[1.0, -0.5], [-2.0, 3.0]])
relu = Relu()
out = relu.forward(x)
print(out)
print(relu.mask)
dout = np.array([[5.0, 6.0], [7.0, 8.0]])
dx = relu.backward(dout)
print(dx, dx is dout)

sig = Sigmoid()
z = np.array([0.5, 1.0, -0.5, 0.0])
y = sig.forward(z)
print(f"순전파 출력: {y}")
dx1, dx2 = sig.backward(np.ones_like(z))
print(f"역전파 출력: {dx1}, {dx2}")
print(f"결과가 같은가? {np.allclose(dx1, dx2)}", np.abs(dx1 - dx2).max() < 1e-15)
print(np.round(dx1, 6).tolist())
h = 1e-4
numeric = (sig.forward(z + h) - sig.forward(z - h)) / (2 * h)
sig.forward(z)
print("numeric:", np.round(numeric, 8), np.allclose(numeric, dx2))
layers = [Relu(), Sigmoid()]
v = np.array([-1.0, 0.0, 2.0])
for layer in layers:
    v = layer.forward(v)
    print(type(layer).__name__, v)
grad = np.ones(3)
grad = layers[1].backward(grad)[1]
grad = layers[0].backward(grad)
print("chain:", grad)
