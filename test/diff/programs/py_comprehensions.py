# List/dict/set comprehensions and generator expressions in sum(), any(), all(), max().
scores = [0.91, 0.45, 0.78, 0.12, 0.66]
labels = [1, 0, 1, 0, 0]

passed = [s for s in scores if s >= 0.5]
rounded = [round(s, 1) for s in scores]
pred = [1 if s >= 0.5 else 0 for s in scores]
print(passed, rounded, pred)
correct = sum(1 for p, t in zip(pred, labels) if p == t)
print("accuracy", correct / len(labels), correct)
print(sum(s * s for s in scores), sum([1, 2, 3], 10), sum(x / 2 for x in range(4)))
print(any(s > 0.9 for s in scores), all(s > 0.1 for s in scores), any([]), all([]))
print(max(s for s in scores if s < 0.7), min((s, i) for i, s in enumerate(scores)))

squares = {n: n * n for n in range(5)}
inverse = {v: k for k, v in squares.items() if v % 2 == 0}
print(squares, inverse)
print({n % 4 for n in range(10)}, {c for c in "aabbcc" if c != 'b'} == {'a', 'c'})
grid = [[r * 3 + c for c in range(3)] for r in range(2)]
flat = [v for row in grid for v in row if v % 2 == 1]
transposed = [[row[i] for row in grid] for i in range(3)]
print(grid, flat, transposed)
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs, len(pairs))

i = "outer"
doubled = [i * 2 for i in range(3)]
print(doubled, i)   # the comprehension variable does not leak

gen = (k ** 2 for k in range(4))
print(type(gen).__name__, next(gen), next(gen), list(gen), list(gen))
words = ["relu", "sigmoid", "affine", "softmax"]
print(sorted(words, key=len), [w.upper() for w in words if 's' in w])
print({w: len(w) for w in words}, dict((w[0], w) for w in words))
print(sum(len(w) for w in words), "".join(w[0] for w in words))
matrix = [[1, 2], [3, 4]]
print([sum(row) for row in matrix], sum(sum(row) for row in matrix))
print(list(x for x in range(10) if x % 3 == 0), tuple(c for c in "abc"))
print([[0] * 2 for _ in range(2)], sorted({3, 1, 2}), list({5: 'a', 1: 'b'}))
