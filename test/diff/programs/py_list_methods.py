# List methods, aliasing and copies, sorting with key/reverse.
losses = [0.9, 0.7]
losses.append(0.65)
losses.extend([0.6, 0.58])
losses.insert(0, 1.2)
print(losses, len(losses))
last = losses.pop()
first = losses.pop(0)
print(last, first, losses)
losses.remove(0.7)
print(losses, losses.index(0.6), [1, 2, 1, 1].count(1), [3, 1, 2].index(2))
nums = [5, 2, 9, 1, 7]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["Affine", "relu", "Sigmoid", "dropout", "BN"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)   # stable: equal lengths keep their order
pairs = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs), sorted(pairs, key=lambda p: (-p[1], p[0])))
nums.reverse()
print(nums, nums[::-1], list(reversed(nums)))
nested = [[1, 2], [3]]
shallow = nested.copy()
shallow[0].append(99)
shallow.append([4])
print(nested, shallow)
alias = nums
alias += [100]      # += mutates in place: nums sees it
other = nums
other = other + [200]   # + builds a new list
print(nums, other, alias is nums, other is nums)
rows = [[0] * 2] * 2   # the same row twice
rows[0][0] = 1
print(rows)
del nums[0]
print(nums, nums.count(100))
nums.clear()
print(nums, alias, [] == nums, [1, [2]] == [1, [2]])
stack = []
for token in "3 4 + 2 *".split():
    if token.isdigit():
        stack.append(int(token))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append(a + b if token == "+" else a * b)
print("rpn result", stack, [1, 2] * 2, [0] + [1], max([3, 8, 1]), min([[2], [1, 5]]))
print(list(range(3)) + list("ab"), list((1, 2)), sorted([3, 1, 2], reverse=True))
