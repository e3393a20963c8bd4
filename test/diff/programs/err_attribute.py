# Reading an attribute that forward never set: AttributeError.
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy


layer = MulLayer()
print("forward:", layer.forward(3, 4))
print("backward:", layer.backward(1))
print("inputs:", layer.x, layer.y)
print("output:", layer.z)
