# The builtin functions a learner reaches for, with their exact printed results.
print("a", "b", 3, sep="-", end="|\n")
print("no newline", end="")
print(" <- continued", 1.0, None, sep="")
print()
print(len("abc"), len([1, 2]), len({'a': 1}), len(range(3, 30, 4)), range(5), range(1, 9, 2))
print(list(enumerate("xy", 1)), list(zip([1, 2, 3], "ab")), sorted("bca"), list(reversed((1, 2, 3))))
print(min(3, 1, 2), max([3, 1, 2]), min("abc", key=ord), max(["aa", "b", "cccc"], key=len), max([], default=0))
print(sum([0.1] * 10), sum(range(101)), sum([[1], [2]], []), abs(-3), abs(-2.5), abs(0))
print(round(2.5), round(3.5), round(-0.5), round(0.125, 2), round(2.675, 2), round(1234.5678, -2), round(7, 1))
print(int("42"), int(3.9), int(-3.9), int("-17"), int("ff", 16), int(True), int(" 7 "))
print(float("1e-3"), float(2), float("inf"), float("-0"), float(" 3.5 "), float(True))
print(str(12), str(1.50), bool(0), bool("x"), list("ab"), tuple([1, 2]), dict(a=1, b=2), set([2, 2, 1]))
print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None), type(True))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance([], (list, tuple)))


class Box:
    size = 3


box = Box()
print(hasattr(box, 'size'), hasattr(box, 'weight'), getattr(box, 'size'), getattr(box, 'weight', -1))
setattr(box, 'weight', 0.5)
print(box.weight, repr("q"), repr(1.0), repr([1, 'a']), repr(None), repr((1,)))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2.0, 3))
print(list(map(int, ["1", "2"])), list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(filter(None, [0, 1, '', 'x'])))
print(list(filter(lambda v: v > 1, [0, 1, 2, 3])), any([0, 0, 1]), all([1, 1, 0]), all(x > 0 for x in [1, 2]))
print(chr(65), chr(97 + 25), ord("A"), ord("\n"), hex(255), hex(-1), bin(10), bin(-5), oct(8))
print(callable(len), callable(1), callable(Box), next(iter([7, 8])))
print(sorted([3, -1, 2], key=abs), sorted({'b': 1, 'a': 2}), list(range(-2, 2)), max(1, 2.5), min(-0.0, 0))
print(format(3.14159, ".2f"), format(42, "05d"), format(0.5, "%"), str(2 ** 0.5))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"), list(zip(range(2), range(5), "abc")))
print(isinstance(print, object), vars(box), round(5.5), round(6.5), round(-1.5))
