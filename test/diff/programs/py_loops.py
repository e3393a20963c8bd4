# for over range/tuple/list/dict views/enumerate/zip; break, continue, for-else, while-else.
for i in range(3):
    print("range", i, end="; ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print(list(range(2, 8, 2)), list(range(5, 0)), len(range(0, 100, 7)))
for item in (1, 'two', 3.0):
    print(type(item).__name__, end=" ")
print()
params = {'W1': 0.1, 'b1': 0.0, 'W2': -0.2}
for key in params:
    print(key, end=",")
print()
for value in params.values():
    print(value, end=" ")
print()
for key, value in params.items():
    if value == 0.0:
        continue
    print(key, "->", value)
for n, key in enumerate(params, start=1):
    print(n, key)
for a, b, c in zip([1, 2, 3], "xyz", (True, False)):
    print(a, b, c)
for n in [3, 5, 7]:
    if n % 2 == 0:
        print("found even", n)
        break
else:
    print("no even number")
for n in [3, 4, 7]:
    if n % 2 == 0:
        print("found even", n)
        break
else:
    print("not printed")
count = 0
while count < 10:
    count += 3
    if count == 6:
        continue
    print("count", count)
else:
    print("while finished with", count)
done = False
steps = 0
while not done:
    steps += 1
    done = steps >= 4
print("steps", steps)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print((i, j), end=" ")
print()
print([k for k in reversed(list(params))], list(enumerate("ab")))
print(list(zip(*[(1, 'a'), (2, 'b')])))
