# A program saved with Windows line endings (CRLF) throughout.
import numpy as np

class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout * 1, dout * 1

doc = """first line
second line"""
print(repr(doc), len(doc.splitlines()))
layer = AddLayer()
total = layer.forward(100,
                      200)
long_sum = 1 + \
    2
print(total, long_sum, layer.backward(1.5))
a = np.array([[1.0, 2.0],
              [3.0, 4.0]])
print(layer.forward(a, a.T))
if total > 0: print("one-line if under CRLF")
for i in range(2):
    # comment line in a CRLF block
    print("row", i, end="\r\n" if i == 0 else "\n")
print("done")
