# Dict methods and insertion order; sets and their operators.
params = {'W1': 0.1, 'b1': 0.0}
params['W2'] = -0.3
params['b2'] = 0.0
print(params, len(params))
print(params.keys(), params.values(), params.items())
print(list(params), list(params.values())[1:], ('W1', 0.1) in params.items())
print(params.get('W1'), params.get('W3'), params.get('W3', 'missing'), 'W3' in params)
print(params.setdefault('W1', 99), params.setdefault('lr', 0.01), params)
print(params.pop('lr'), params.pop('lr', 'gone'), params)
params['W1'] = 1.5           # updating a key keeps its position
params.update({'b1': 0.5, 'gamma': 1.0}, beta=0.0)
print(params)
del params['W1']
params['W1'] = 2.0           # delete and re-insert moves it to the end
print(list(params))
snapshot = params.copy()
snapshot['b1'] = -1
print(params['b1'], snapshot['b1'], snapshot == params, dict(a=1) == {'a': 1})
counts = {}
for word in "relu affine relu softmax relu affine".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: -kv[1]))
groups = {}
for n in range(7):
    groups.setdefault(n % 3, []).append(n)
print(groups, dict(zip("abc", range(3))), dict([('x', 1), ('y', 2)]))
nested = {'layer1': {'W': [1, 2]}, 'layer2': {}}
print(nested['layer1']['W'][1], {k: len(v) for k, v in nested.items()})
for key in list(counts):
    if counts[key] == 1:
        del counts[key]
print(counts, {}.get('x'), len({}), bool({}), {1: 'int', 1.0: 'float'})

a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(b), a.difference(b), {3} <= a, {3, 9} <= a, a >= {1})
a.add(10)
a.discard(1)
a.discard(42)
a.remove(2)
print(a, len(a), 3 in a, sorted(a, reverse=True))
print(set([3, 1, 3, 2, 1]), set(), len(set("hello")), sorted(set("hello")))
seen = set()
dups = [x for x in [1, 2, 1, 3, 2] if x in seen or seen.add(x)]
print(dups, seen, {n * n for n in range(-2, 3)}, a.copy() == a)
