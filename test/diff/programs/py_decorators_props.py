# @staticmethod, @classmethod and @property (with a setter) on a small optimizer class.
class SGD:
    instances = 0

    def __init__(self, lr=0.01):
        self._lr = lr
        self.steps = 0
        SGD.instances += 1

    @property
    def lr(self):
        return self._lr

    @lr.setter
    def lr(self, value):
        if value <= 0:
            raise ValueError("learning rate must be positive, got %r" % value)
        self._lr = value

    @property
    def name(self):
        return type(self).__name__.lower()

    @staticmethod
    def clip(value, limit=1.0):
        return max(-limit, min(limit, value))

    @classmethod
    def from_config(cls, config):
        return cls(lr=config.get('lr', 0.1))

    @classmethod
    def count(cls):
        return "%s instances: %d" % (cls.__name__, cls.instances)

    def update(self, params, grads):
        for key in params:
            params[key] -= self.lr * SGD.clip(grads[key])
        self.steps += 1


class Momentum(SGD):
    pass


opt = SGD()
print(opt.lr, opt.name, opt._lr)
opt.lr = 0.5
print(opt.lr)
try:
    opt.lr = -1
except ValueError as e:
    print("rejected:", e)
print(SGD.clip(3.5), opt.clip(-0.25), SGD.clip(-9, limit=2))
params = {'w': 1.0, 'b': 0.0}
opt.update(params, {'w': 4.0, 'b': -0.5})
print(params, opt.steps)
m = Momentum.from_config({'lr': 0.2})
print(type(m).__name__, m.lr, m.name, isinstance(m, SGD))
print(SGD.count(), Momentum.count(), m.count())
print(type(SGD.__dict__['clip']).__name__, type(SGD.__dict__['lr']).__name__)
try:
    opt.name = "other"
except AttributeError as e:
    print("read-only property:", e)
