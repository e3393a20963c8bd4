# Slicing lists, strings and tuples with steps and negative indices; slice assignment.
data = list(range(10))
print(data[2:5], data[:3], data[7:], data[-3:], data[:-7], data[-4:-1])
print(data[::2], data[1::3], data[::-1], data[8:2:-2], data[-1:-4:-1], data[::-3])
print(data[5:100], data[100:], data[-100:2], data[3:3], data[6:2])
print(data[-1], data[-10], data[len(data) - 1])

word = "backpropagation"
print(word[:4], word[4:8], word[-6:], word[::-1], word[::3], word[1:-1:4])
print(word[0], word[-1], word[100:], repr(word[5:5]))

shape = (64, 3, 28, 28)
print(shape[1:], shape[:-2], shape[::-1], shape[-2:], shape[1:2], type(shape[1:]).__name__)

grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(grid[1][::-1], grid[-1][-1], [row[1] for row in grid], grid[::2])

copy = data[:]
copy[0] = 'changed'
print(data[0], copy[0], copy is data)

data[2:4] = ['a', 'b', 'c']
print(data, len(data))
data[::3] = [0, 0, 0, 0]
print(data)
del data[1:3]
print(data)
del data[::2]
print(data)
data[1:1] = [None]
print(data)

s = slice(1, None, 2)
print(s, s.start, s.stop, s.step, [10, 11, 12, 13, 14][s], "abcdef"[s])
batch_size = 3
samples = list("abcdefgh")
for start in range(0, len(samples), batch_size):
    print(start, samples[start:start + batch_size])
print("".join(reversed(word[:4])), word[:4][::-1] == "kcab")
