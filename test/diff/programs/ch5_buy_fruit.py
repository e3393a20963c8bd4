# MulLayer/AddLayer on the fruit-shopping graph: forward prices, backward derivatives.
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        out = x * y
        return out

    def backward(self, dout):
        dx = dout * self.y  # x와 y를 바꾼다
        dy = dout * self.x
        return dx, dy


class AddLayer:
    def __init__(self):
        pass

    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout * 1, dout * 1


apple, apple_num, tax = 100, 2, 1.1
mul_apple = MulLayer()
mul_tax = MulLayer()
apple_price = mul_apple.forward(apple, apple_num)
price = mul_tax.forward(apple_price, tax)
dapple_price, dtax = mul_tax.backward(1)
dapple, dapple_num = mul_apple.backward(dapple_price)
print("price:", int(price))
print("dApple:", dapple)
print("dApple_num:", int(dapple_num))
print("dTax:", dtax)
print("raw:", price, dapple_num, type(dtax).__name__, type(dapple).__name__)

# Three fruits through a chain of AddLayers, then tax.
items = [("apple", 100, 2), ("orange", 150, 3), ("banana", 80, 4)]
mul_layers = [MulLayer() for _ in items]
add_layers = [AddLayer() for _ in items[1:]]
subtotals = [layer.forward(cost, count) for layer, (name, cost, count) in zip(mul_layers, items)]
total = subtotals[0]
for add, sub in zip(add_layers, subtotals[1:]):
    total = add.forward(total, sub)
tax_layer = MulLayer()
price = tax_layer.forward(total, tax)
print("subtotals:", subtotals, "total:", total, "price:", price, int(price))
dtotal, dtax = tax_layer.backward(1)
dsubs = []
for add in reversed(add_layers):
    dtotal, dsub = add.backward(dtotal)
    dsubs.append(dsub)
dsubs.append(dtotal)
dsubs.reverse()
for layer, (name, cost, count), dsub in zip(mul_layers, items, dsubs):
    dcost, dcount = layer.backward(dsub)
    print("d%s: %s  d%s_num: %s  (%d)" % (name.capitalize(), dcost, name, dcount, int(dcount)))
print("dTax:", dtax)
