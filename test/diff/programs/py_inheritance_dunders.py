# Single inheritance with super(), isinstance, type names, and the common dunder methods.
class Layer:
    def __init__(self, name):
        self.name = name
        self.params = []

    def forward(self, x):
        return x

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.name)

    def __str__(self):
        return "<layer %s>" % self.name

    def __len__(self):
        return len(self.params)

    def __getitem__(self, i):
        return self.params[i]

    def __call__(self, x):
        return self.forward(x)

    def __eq__(self, other):
        return isinstance(other, Layer) and self.name == other.name


class Scale(Layer):
    def __init__(self, name, factor):
        super().__init__(name)
        self.factor = factor
        self.params.append(factor)

    def forward(self, x):
        return super().forward(x) * self.factor


class Shift(Scale):
    def __init__(self, name, factor, offset):
        super(Shift, self).__init__(name, factor)
        self.params.append(offset)
        self.offset = offset

    def forward(self, x):
        return Scale.forward(self, x) + self.offset


base, s, t = Layer("id"), Scale("s", 3), Shift("t", 2, 1)
print(base, s, t)
print([base, s, t], repr(t), str(t))
print(base(5), s(5), t(5), s.forward(0.5))
print(len(base), len(s), len(t), t[0], t[-1], bool(base), bool(t))
for p in t:   # iteration falls back to __getitem__ until IndexError
    print("param", p)
print(isinstance(t, Scale), isinstance(t, Layer), isinstance(s, Shift), isinstance(3, (int, float)))
print(issubclass(Shift, Layer), type(t).__name__, t.__class__.__name__, type(t) is Shift)
print(type(t).__mro__[1].__name__, Shift.__bases__[0].__name__, Shift.__name__)
print(Scale("s", 9) == s, s == Layer("s"), s != t, s == "s", base == base)
print(type(3).__name__, type(3.0).__name__, type("x").__name__, type([]).__name__, type(None).__name__)
print(type(base), type(len), type(lambda: 0).__name__, type(Layer).__name__)
print(hasattr(t, 'offset'), hasattr(s, 'offset'), getattr(s, 'offset', 'none'))
setattr(s, 'offset', 7)
print(s.offset, vars(t)['factor'], sorted(vars(t)))
