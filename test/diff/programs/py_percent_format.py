# printf-style % formatting and str.format, as the book prints losses and accuracies.
import numpy as np

print("loss %.6f" % 0.123456789)
print("%d apples cost %s" % (3, 300))
print("%5.2f|%-8s|%08.3f|%+.1f" % (3.14159, 'ab', -2.5, 2.25))
print("%e %E %g %G %g" % (12345.6789, 0.000123, 0.00001234, 1e20, 100000.0))
print("%x %o %X %c %%" % (255, 8, 255, 65))
print("%r %s %a" % ('str', 'str', 'ü'))
print("%(name)s=%(val).2f" % {'name': 'lr', 'val': 0.01})
print("%i %d %+d % d %5d|%-5d|" % (7.9, -7.9, 5, 5, 42, 42))
print("%s %s %s" % (None, [1, 2], (3,)))
print("%.3s|%10.4f|%-10.2e|" % ("abcdef", 2 / 3, 12345.678))
print("%s" % np.float64(0.1), "%.3f" % np.float64(2 / 3), "%d" % np.int64(5), "%s" % np.int64(5))
print("%s" % (np.array([1.0, 2.5]),), "%r" % np.array([1, 2]))
print("{} {}".format(1, 2), "{1} {0} {1}".format('a', 'b'), "{name}: {val:.3f}".format(name='loss', val=2 / 3))
print("{:>6}|{:<6}|{:^6}|{:-^9}|".format('a', 'b', 'c', 'mid'))
print("{:,}".format(10 ** 9), "{0:08.2f}".format(3.14159), "{!r}".format('q'), "{:e}".format(0.0001))
print("{0[0]} {0[1]} {1[key]} {2.shape}".format([5, 6], {'key': 'v'}, np.zeros((2, 3))))
print("train acc, test acc | {:.4f}, {:.4f}".format(0.9, 0.8765))
print("{:d} {:x} {:b} {:.1%} {:+.2f}".format(255, 255, 5, 0.25, 1))
print("{}".format(np.array([0.5, 0.25])), "{:.2f}".format(np.float64(1 / 3)))
template = "%-6s %6.2f"
for key, val in [('W1', 0.5), ('b1', -0.125)]:
    print(template % (key, val))
print("%5.1f%%" % 99.5, "%c%c" % ('o', 107))
