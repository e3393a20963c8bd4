# try/except/else/finally, raise, raise from, custom exception classes (all caught here).
class LayerError(Exception):
    pass


class ShapeError(LayerError):
    def __init__(self, expected, got):
        super().__init__("expected %s, got %s" % (expected, got))
        self.expected = expected
        self.got = got


def check(shape):
    if len(shape) != 2:
        raise ShapeError((2,), shape)
    return shape


def attempt(f, *args):
    try:
        result = f(*args)
    except (KeyError, IndexError) as e:
        print("lookup failed:", type(e).__name__, e, repr(e))
    except ZeroDivisionError as e:
        print("math failed:", e)
        return "from except"
    except LayerError as e:
        print("layer failed:", type(e).__name__, e, e.args)
    else:
        print("no error, result =", result)
        return "from else"
    finally:
        print("finally runs for", f.__name__)
    return "after try"


print(attempt(lambda d: d['W3'], {'W1': 1}))
print(attempt(lambda l: l[5], [1, 2]))
print(attempt(lambda: 1 / 0))
print(attempt(check, (3, 4, 5)))
print(attempt(check, (3, 4)))
try:
    try:
        int("abc")
    except ValueError as e:
        raise LayerError("could not parse the layer size") from e
except LayerError as outer:
    print(outer, "| cause:", repr(outer.__cause__), "| same type:", type(outer.__cause__) is ValueError)
try:
    raise ShapeError((2, 3), (3, 2))
except ShapeError as e:
    print(e.expected, e.got, isinstance(e, LayerError), isinstance(e, Exception))
for bad in ["3.5x", None]:
    try:
        float(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    [].pop()
except Exception as e:
    print("caught", e)
try:
    raise KeyError('W3')
except KeyError as e:
    print("str:", str(e), "args:", e.args)
try:
    assert 1 + 1 == 3, "arithmetic is broken"
except AssertionError as e:
    print("assert:", e)
