# A bias with the wrong length: operands could not be broadcast together.
import numpy as np


def init_network(input_size, hidden_size):
    network = {}
    network['W1'] = np.ones((input_size, hidden_size)) * 0.1
    network['b1'] = np.zeros(hidden_size + 1)   # one too many
    return network


def forward(network, x):
    a1 = np.dot(x, network['W1'])
    print("a1 shape", a1.shape)
    return a1 + network['b1']


network = init_network(2, 3)
x = np.arange(10.0).reshape(5, 2)
print("x shape", x.shape, "b1 shape", network['b1'].shape)
y = forward(network, x)
print("never printed", y)
