# Asking the params dict for a layer the network does not have: KeyError: 'W3'.
import numpy as np

np.random.seed(0)
params = {}
params['W1'] = np.random.randn(2, 3)
params['b1'] = np.zeros(3)
params['W2'] = np.random.randn(3, 2)
params['b2'] = np.zeros(2)

for key in params:
    print(key, params[key].shape)


def total_params(params, keys):
    return sum(params[k].size for k in keys)


print("W1+W2:", total_params(params, ['W1', 'W2']))
print("all:", total_params(params, ['W1', 'W2', 'W3']))
