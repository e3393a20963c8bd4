# A bracket left open at the end of a list: SyntaxError names the opening line.
import numpy as np

network = {}
network['W1'] = np.array([[0.1, 0.3, 0.5],
                          [0.2, 0.4, 0.6]])
network['b1'] = np.array([0.1, 0.2, 0.3]
network['W2'] = np.array([[0.1, 0.4],
                          [0.2, 0.5],
                          [0.3, 0.6]])
network['b2'] = np.array([0.1, 0.2])


def forward(network, x):
    return np.dot(x, network['W1']) + network['b1']


print(forward(network, np.array([1.0, 0.5])))
