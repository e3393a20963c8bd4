# Buying apples: 2 apples at 100 each, plus 10% consumption tax.
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        dx = dout * self.y  # the gradient with respect to x is the other input
        dy = dout * self.x
        return dx, dy


class AddLayer:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        dx = dout * 1
        dy = dout * 1
        return dx, dy


apple, apple_num, tax = 100, 2, 1.1
mul_apple_layer = MulLayer()
mul_tax_layer = MulLayer()

apple_price = mul_apple_layer.forward(apple, apple_num)
price = mul_tax_layer.forward(apple_price, tax)

dprice = 1
dapple_price, dtax = mul_tax_layer.backward(dprice)
dapple, dapple_num = mul_apple_layer.backward(dapple_price)

print("price:", price)
print("dapple:", dapple, "dapple_num:", dapple_num, "dtax:", dtax)

add_layer = AddLayer()
total = add_layer.forward(apple_price, 150)
dapple_price2, dorange_price = add_layer.backward(1)
print("total:", total, "gradients through +:", dapple_price2, dorange_price)
