# Iterating one step too far over a list of layers: IndexError.
class Layer:
    def __init__(self, name):
        self.name = name

    def forward(self, x):
        return x + 1


layers = [Layer("Affine1"), Layer("Relu1"), Layer("Affine2")]
x = 0
for i in range(len(layers)):
    x = layers[i].forward(x)
    print(layers[i].name, x)

print("backward in reverse:")
for i in range(len(layers), 0, -1):
    print(layers[i].name)
print("never printed")
