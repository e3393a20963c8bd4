# Our driver for the book's ch05/two_layer_net.py. book.test.ts copies it into the book's ch05
# folder and runs it there. It checks gradients the way ch05/gradient_check.py does, but on a
# small seeded batch instead of MNIST, which gradient_check.py would download.
import sys, os
sys.path.append(os.pardir)
import numpy as np
from two_layer_net import TwoLayerNet

np.random.seed(20)
network = TwoLayerNet(input_size=5, hidden_size=4, output_size=3, weight_init_std=0.5)
x_batch = np.random.rand(3, 5)
t_labels = np.array([2, 0, 1])
t_batch = np.zeros((3, 3))
t_batch[np.arange(3), t_labels] = 1

for name, t in (("one-hot", t_batch), ("labels", t_labels)):
    grad_numerical = network.numerical_gradient(x_batch, t)
    grad_backprop = network.gradient(x_batch, t)
    print(name, "loss %.6f" % network.loss(x_batch, t), "accuracy", network.accuracy(x_batch, t))
    for key in grad_numerical.keys():
        diff = np.average(np.abs(grad_backprop[key] - grad_numerical[key]))
        print(key + ":" + str(diff))
    print("agree:", all(np.allclose(grad_backprop[k], grad_numerical[k], atol=1e-6) for k in grad_numerical))
    for kind, grads in (("backprop", grad_backprop), ("numerical", grad_numerical)):
        for key in ("W1", "b1", "W2", "b2"):
            print("grad", kind, name, key, grads[key].tolist())
