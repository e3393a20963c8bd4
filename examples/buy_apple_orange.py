# Backpropagation by hand on a tiny computational graph:
# two apples and three oranges, added up, then a consumption tax on top.
#
#   apple ------+
#               (*) -- apple_cost --+
#   apple_num --+                   (+) -- subtotal --+
#   orange -----+                   |                 (*) -- price
#               (*) -- orange_cost -+         tax ----+
#   orange_num -+
#
# Each node ("layer") remembers what it needs during the forward pass,
# and during the backward pass turns the gradient arriving from above
# (the upstream gradient) into gradients for each of its inputs.


class MulLayer:
    """z = x * y.  Each input's gradient is the upstream gradient times the *other* input."""

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


class AddLayer:
    """z = x + y.  Addition passes the upstream gradient through unchanged to both inputs."""

    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout, dout


apple, apple_num = 100, 2
orange, orange_num = 150, 3
tax = 1.1

apple_layer = MulLayer()
orange_layer = MulLayer()
sum_layer = AddLayer()
tax_layer = MulLayer()

# Forward: from the inputs to the price.
apple_cost = apple_layer.forward(apple, apple_num)
orange_cost = orange_layer.forward(orange, orange_num)
subtotal = sum_layer.forward(apple_cost, orange_cost)
price = tax_layer.forward(subtotal, tax)

# Backward: start from d(price)/d(price) = 1 and walk the graph in reverse.
dprice = 1
dsubtotal, dtax = tax_layer.backward(dprice)
dapple_cost, dorange_cost = sum_layer.backward(dsubtotal)
dorange, dorange_num = orange_layer.backward(dorange_cost)
dapple, dapple_num = apple_layer.backward(dapple_cost)

print("price:", int(price))
print("dApple:", dapple)
print("dApple_num:", int(dapple_num))
print("dOrange:", dorange)
print("dOrange_num:", int(dorange_num))
print("dTax:", dtax)
