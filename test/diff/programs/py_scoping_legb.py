# LEGB scoping: a method named numerical_gradient calls the module-level numerical_gradient.
import numpy as np

lr = 0.1


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for i in range(x.size):
        keep = x[i]
        x[i] = keep + h
        fxh1 = f(x)
        x[i] = keep - h
        fxh2 = f(x)
        grad[i] = (fxh1 - fxh2) / (2 * h)
        x[i] = keep
    return grad


class Quadratic:
    lr = 0.5   # a class attribute is not visible by bare name inside methods

    def __init__(self):
        self.w = np.array([3.0, -4.0])

    def loss(self):
        return np.sum(self.w ** 2)

    def numerical_gradient(self):
        # this call finds the module-level function, not the method of the same name
        return numerical_gradient(lambda w: self.loss(), self.w)

    def step(self):
        self.w -= lr * self.numerical_gradient()   # global lr, not Quadratic.lr
        return self.w


q = Quadratic()
print(np.round(q.numerical_gradient(), 6), q.step(), Quadratic.lr, lr)


def outer():
    lr = "enclosing"

    def inner():
        return lr
    lr = "enclosing, rebound later"
    return inner()


print(outer(), lr)
def shadow():
    len = lambda s: -1   # a local shadows the builtin here only
    return len("abc")


print(shadow(), len("abc"))


def broken():
    total = lr * 2
    lr = 3   # makes lr local for the whole function
    return total


try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__ + ":", e)
counter = 0
def increment():
    global counter
    counter += 1


increment()
increment()
print("counter", counter, [lr for lr in range(2)], lr)
