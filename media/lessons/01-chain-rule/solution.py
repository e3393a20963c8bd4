# z = (x + y) ** 2 as a computational graph of two nodes: t = x + y, then z = t ** 2.
class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        dx = dout * 1
        dy = dout * 1
        return dx, dy


class SquareLayer:
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return x ** 2

    def backward(self, dout):
        # the local derivative of x ** 2 is 2x, times the gradient from above
        dx = dout * 2 * self.x
        return dx


x, y = 1.0, 2.0
add_layer = AddLayer()
square_layer = SquareLayer()

t = add_layer.forward(x, y)
z = square_layer.forward(t)

dz = 1
dt = square_layer.backward(dz)
dx, dy = add_layer.backward(dt)

print("z:", z)
print("dz/dt:", dt)
print("dz/dx:", dx, "dz/dy:", dy)
