# TwoLayerNet (4-3-2) built from an OrderedDict of layers; backprop vs numerical gradient.
# The "grad" lines print every gradient with full repr so the tests can compare them numerically.
import sys, os
sys.path.append(os.pardir)
import numpy as np
from collections import OrderedDict
from mylib.layers import Relu, Affine, SoftmaxWithLoss


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
        it.iternext()
    return grad


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {'W1': weight_init_std * np.random.randn(input_size, hidden_size),
                       'b1': np.zeros(hidden_size),
                       'W2': weight_init_std * np.random.randn(hidden_size, output_size),
                       'b2': np.zeros(output_size)}
        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.layers['Relu1'] = Relu()
        self.layers['Affine2'] = Affine(self.params['W2'], self.params['b2'])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.lastLayer.forward(self.predict(x), t)

    def numerical_gradient(self, x, t):
        loss_W = lambda W: self.loss(x, t)
        return {key: numerical_gradient(loss_W, self.params[key]) for key in ('W1', 'b1', 'W2', 'b2')}

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        grads = {}
        grads['W1'], grads['b1'] = self.layers['Affine1'].dW, self.layers['Affine1'].db
        grads['W2'], grads['b2'] = self.layers['Affine2'].dW, self.layers['Affine2'].db
        return grads


np.random.seed(5)
net = TwoLayerNet(input_size=4, hidden_size=3, output_size=2, weight_init_std=1.0)
x = np.random.randn(3, 4)
t = np.array([0, 1, 1])
grad_numerical = net.numerical_gradient(x, t)
grad_backprop = net.gradient(x, t)
print("loss %.6f" % net.loss(x, t), list(net.layers.keys()))
for key in grad_numerical.keys():
    diff = np.average(np.abs(grad_backprop[key] - grad_numerical[key]))
    print(key, grad_backprop[key].shape, "ok" if diff < 1e-6 else "MISMATCH %s" % diff)
for kind, grads in (('backprop', grad_backprop), ('numerical', grad_numerical)):
    for key in ('W1', 'b1', 'W2', 'b2'):
        print("grad", kind, key, grads[key].tolist())
