# Concatenating a str with a NumPy float: TypeError names the numpy type.
import numpy as np

y = np.array([0.1, 0.7, 0.2])
t = np.array([0, 1, 0])


def cross_entropy_error(y, t):
    delta = 1e-7
    return -np.sum(t * np.log(y + delta))


loss = cross_entropy_error(y, t)
print("loss is", loss)
print("type:", type(loss).__name__)
print("loss: " + str(round(loss, 4)))
print("loss: " + loss)
