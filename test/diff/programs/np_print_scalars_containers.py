# NumPy scalars print like Python numbers; tuples, lists and dicts holding arrays and scalars.
import numpy as np

a = np.array([0.1, 0.2, 0.7])
s = a.sum()
print(s, repr(s), str(s), type(s).__name__, s == 1.0)
print(a[0], a[2] * 3, np.float64(3.0), np.float64(1e-5), np.float64(-0.0), np.float64(1e16), np.float64(110.00000000000001))
print(np.int64(42), repr(np.int64(-7)), np.arange(5).sum(), np.argmax(a), type(np.argmax(a)).__name__)
print(np.float64(np.nan), np.float64(np.inf), -np.float64(np.inf), np.float64(0.1) + 0.2)
print(np.bool_(True), a.any(), (a > 0.5).sum(), repr(a.all()), type(a.all()).__name__)
print(np.float32(0.1), repr(np.float32(2.5)), np.float32(1e-5), np.float32(3.0), np.float32(16777217))
print(np.mean(np.array([1, 2])), np.max(np.array([3, 9])), np.min(a), np.dot(a, a))
print((a, a.sum()))
print([a, np.float64(0.5), np.int64(3), 1.5])
print({'loss': np.float64(0.6931471805599453), 'acc': np.float64(0.75), 'n': np.int64(8)})
print({'W1': np.array([[1.0, 2.0], [3.0, 4.0]]), 'b1': np.zeros(2)})
print((np.array([1, 2]), np.array([True])), [np.array([[0.5]]), []])
print([a.max(), a.min()], (a.argmax(),), [float(a.sum()), int(a.argmax())])
print(str([np.float64(1) / 3]), repr((np.float32(0.1),)), f"{[np.float64(2.5)]}")
losses = []
for i in range(3):
    losses.append(np.float64(1.0) / (i + 1))
print(losses, sum(losses), max(losses), sorted(losses)[0])
print(tuple(a), list(a), a.tolist(), list(np.arange(3)), np.arange(3).tolist())
grads = {'W1': np.array([0.1, -0.2]), 'b1': np.float64(0.05)}
for key, value in grads.items():
    print(key, value, repr(value))
print(np.array(2.5), repr(np.array(2.5)), np.array(2.5) * 2, type(np.array(2.5) * 2).__name__, np.array(2.5).item())
print(float(np.float64(2.5)), int(np.float64(2.9)), int(np.int64(-3)), bool(np.float64(0.0)), round(np.float64(2.5)))
print(np.float64(2.5).item(), type(np.float64(2.5).item()).__name__, type(a.tolist()[0]).__name__)
print(round(np.float64(0.123456), 3), type(round(np.float64(0.1234), 2)).__name__, abs(np.float64(-1.5)))
print(np.float64(7) // 2, np.float64(7) % 2, divmod(np.float64(7), 2), np.float64(2) ** 10, np.int64(2) ** 10)
