# A few SGD steps on a small TwoLayerNet, printing the loss with %.6f like train_neuralnet.py.
import numpy as np
from collections import OrderedDict
from mylib.layers import Relu, Affine, SoftmaxWithLoss


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
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

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1: t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        return {'W1': self.layers['Affine1'].dW, 'b1': self.layers['Affine1'].db,
                'W2': self.layers['Affine2'].dW, 'b2': self.layers['Affine2'].db}


np.random.seed(1)
train_size, batch_size = 40, 8
x_train = np.random.rand(train_size, 5)
t_train = (x_train[:, 0] + x_train[:, 1] > 1.0).astype(int) + (x_train[:, 4] > 0.7)
t_onehot = np.zeros((train_size, 3))
t_onehot[np.arange(train_size), t_train] = 1
print("labels:", [int(np.sum(t_train == k)) for k in range(3)])
network = TwoLayerNet(input_size=5, hidden_size=6, output_size=3, weight_init_std=0.5)
learning_rate = 0.5
train_loss_list = []
for i in range(8):
    batch_mask = np.random.choice(train_size, batch_size)
    x_batch, t_batch = x_train[batch_mask], t_onehot[batch_mask]
    grad = network.gradient(x_batch, t_batch)
    for key in ('W1', 'b1', 'W2', 'b2'):
        network.params[key] -= learning_rate * grad[key]
    loss = network.loss(x_batch, t_batch)
    train_loss_list.append(loss)
    print("step %d loss %.6f batch %s" % (i, loss, batch_mask[:4]))
print("train acc %.4f" % network.accuracy(x_train, t_onehot), network.accuracy(x_train, t_train))
print("loss went down:", train_loss_list[-1] < train_loss_list[0], len(train_loss_list))
print("shared after training:", network.params['W2'] is network.layers['Affine2'].W)
print("%.6f" % network.loss(x_train, t_train), np.round(network.params['b2'], 4))
