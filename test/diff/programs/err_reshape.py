# Reshaping 6 elements into 4: ValueError: cannot reshape array of size 6 into shape (4,).
import numpy as np

x = np.arange(6.0)
print(x.reshape(2, 3))
print(x.reshape(3, -1).shape)
print(x.reshape(-1, 6))


def flatten_batch(batch, feature_size):
    return batch.reshape(feature_size)


for size in (6, 4):
    print("flatten to", size)
    print(flatten_batch(x, size))
print("never printed")
