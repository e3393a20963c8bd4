# from common.functions import softmax, cross_entropy_error; OrderedDict; module objects.
import numpy as np
from collections import OrderedDict
from common.functions import softmax, cross_entropy_error
import common.functions as F
from common import functions

a = np.array([0.3, 2.9, 4.0])
y = softmax(a)
print(y, np.sum(y), np.argmax(y))
big = np.array([1010.0, 1000.0, 990.0])   # overflow-safe thanks to the max subtraction
print(softmax(big))
batch = np.array([[0.1, 0.8, 0.1], [2.0, 1.0, 0.1]])
yb = softmax(batch)
print(yb)
print(np.sum(yb, axis=1))
t_onehot = np.array([[0, 1, 0], [1, 0, 0]])
t_label = np.array([1, 0])
print(cross_entropy_error(yb, t_onehot), cross_entropy_error(yb, t_label))
print(cross_entropy_error(y, np.array([0, 0, 1])), F.cross_entropy_error is cross_entropy_error)
print(F.step_function(np.array([-1.0, 0.0, 2.0])), F.relu(np.array([-1.0, 2.0])))
print(functions.sigmoid(np.array([0.0, 2.0])), functions is F, F.__name__)
print(F.mean_squared_error(np.array([0.1, 0.9]), np.array([0, 1])))

layers = OrderedDict()
layers['Affine1'] = 'A1'
layers['Relu1'] = 'R1'
layers['Affine2'] = 'A2'
print(layers)
print(list(layers.keys()), list(layers.values()), len(layers), 'Relu1' in layers)
for name, layer in layers.items():
    print(name, layer)
rev = list(layers.values())
rev.reverse()
print(rev, list(reversed(layers)))
layers.move_to_end('Affine1')
print(list(layers), layers.popitem(), layers.popitem(last=False), layers)
print(OrderedDict(a=1) == {'a': 1}, dict(layers), type(layers).__name__, OrderedDict())
