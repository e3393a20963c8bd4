# and/or/not return operands, short-circuit evaluation, is/in/not in, conditional expressions.
def loud(tag, value):
    print("  evaluated", tag)
    return value


print(0 or 'default', [] and 1, None or 0 or '', 3 and 4, 0 and loud('x', 1))
print("-- or short-circuits")
r = loud('a', 5) or loud('b', 6)
print(r)
print("-- and short-circuits")
r = loud('a', 0) and loud('b', 6)
print(r)
print(not 0, not [1], not None, not '', not not 'x')
x = None
print(x is None, x is not None, x == None, type(x).__name__)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(2 in a, 3 not in a, 'W1' in {'W1': 0}, 0 in {'W1': 0}, 'ell' in 'hello', 'z' not in 'hello')
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True, 0 < 5 <= 5 != 4)
for v in [-2, 0, 3]:
    sign = 'positive' if v > 0 else 'zero' if v == 0 else 'negative'
    print(v, sign, v if v else 'falsy')
print(True + True, True * 3, bool([]), bool([0]), bool(0.0), bool('0'), bool(None))
print(1 if [] else 2, (lambda: 'yes' if a else 'no')())
t = 0.5
status = t > 0.4 and 'pass' or 'fail'
print(status, (t < 0.4) or 'fail')
mask = [v > 0 for v in [-1, 2, 3]]
print(mask, any(mask) and not all(mask))
cache = {}
value = cache.get('k') or cache.setdefault('k', 'computed')
print(value, cache)
print((1, 2) < (1, 3), [1, 2] < [1, 2, 0], 'abc' < 'abd', 'Z' < 'a')
n = 1
print(None is None, n is not None and 'ok')
