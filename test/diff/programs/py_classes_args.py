# Classes with __init__ and methods; default, keyword, *args and **kwargs arguments.
class Layer:
    created = 0

    def __init__(self, name, size=3, *, trainable=True):
        self.name = name
        self.size = size
        self.trainable = trainable
        Layer.created += 1

    def describe(self, prefix="layer", **extra):
        parts = ["%s=%s" % (k, v) for k, v in extra.items()]
        return "%s %s(size=%d, trainable=%s) %s" % (prefix, self.name, self.size, self.trainable, " ".join(parts))


def affine(x, W=2, b=0):
    return x * W + b


def collect(first, *rest, scale=1, **options):
    print("first:", first, "rest:", rest, "scale:", scale, "options:", options)
    return [first * scale] + [r * scale for r in rest]


def append_to(item, bucket=[]):  # the shared-default gotcha
    bucket.append(item)
    return bucket


print(affine(3), affine(3, 4), affine(3, b=1), affine(x=1, W=5, b=-1), affine(b=0.5, x=2))
args = (2, 3)
kwargs = {'W': 10, 'b': 5}
print(affine(*args), affine(1, **kwargs), affine(*[4], **{'b': 1}))
print(collect(1))
print(collect(1, 2, 3, scale=10, verbose=True, tag='x'))
print(collect(*range(3), *[7, 8], **{'mode': 'train'}))
fc = Layer("fc1")
out = Layer("out", 10, trainable=False)
print(fc.describe())
print(out.describe("head", lr=0.1, decay=None))
print(Layer.created, fc.created, fc.size, out.size)
print(append_to(1), append_to(2), append_to(3, []))
method = fc.describe
print(method(prefix="bound"))
print(Layer.describe(out, "unbound"))


def make_layers(*names, **common):
    return [Layer(n, **common) for n in names]


for layer in make_layers("a", "b", size=5, trainable=False):
    print(layer.name, layer.size, layer.trainable)
print(Layer.created)
