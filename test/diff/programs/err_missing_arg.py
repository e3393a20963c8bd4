# Calling forward with one argument instead of two: TypeError names the missing parameter.
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        return dout * self.y, dout * self.x


apple_layer = MulLayer()
tax_layer = MulLayer()
apple_price = apple_layer.forward(100, 2)
print("apple price:", apple_price)
price = tax_layer.forward(apple_price)
print("never printed", price)
