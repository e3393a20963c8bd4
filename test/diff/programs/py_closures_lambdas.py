# Lambdas, closures, nonlocal and global, the way a learner builds loss functions.
count = 0


def make_counter():
    n = 0

    def step(k=1):
        nonlocal n
        n += k
        return n
    return step


def bump():
    global count
    count += 1
    return count


def make_scale(factor):
    return lambda v: v * factor


def compose(f, g):
    return lambda x: f(g(x))


square = lambda x: x ** 2
double = make_scale(2)
print(square(3), double(3), compose(square, double)(3), compose(double, square)(3))
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(5), c2())
print(bump(), bump(), count)

late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])

pairs = [(3, 'c'), (1, 'a'), (2, 'b')]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(list(map(lambda p: p[0] * 10, pairs)), (lambda *a, **k: (a, k))(1, z=2))


class Net:
    def __init__(self, w):
        self.w = w

    def loss(self, x):
        return (self.w * x - 1.0) ** 2

    def make_loss(self, x):
        loss_W = lambda W: self.loss(x)   # ignores W, as in the book
        return loss_W


net = Net(0.5)
f = net.make_loss(4.0)
print(f(None))
net.w = 0.25
print(f(None), f.__name__, make_counter.__name__)
adders = {name: make_scale(k) for name, k in [('x2', 2), ('x10', 10)]}
print(adders['x2'](1.5), adders['x10'](1.5))
