# Float repr edge cases: shortest round-trip digits, exponent switch, signed zero, inf, nan.
print(1e-05, 0.0001, 0.00001234, 1e-4 / 10, 1e-7, 5e-324, 2.2250738585072014e-308)
print(1e+16, 1e16, 1e15, 123456789012345678.0, 9999999999999998.0, 1.7976931348623157e+308)
print(3.0, 3.10, 100.0, 2.5e-3, 1e22, 1e21, 1e-3)
print(1.1 * 100, 110.00000000000001, 0.1 + 0.2, 0.1 * 3, 1 - 0.9, 0.3 - 0.1)
print(-0.0, 0.0 * -1, -0.0 + 0.0, abs(-0.0), -0.0 == 0.0, str(-0.0), repr(-0.0))
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, inf - inf, inf * 0, 1e308 * 10, -1e308 * 10, 1 / inf)
print(nan == nan, nan != nan, inf == inf, inf > 1e308, nan is nan, [nan], (inf, -inf))
print(1 / 3, 2 / 3, 10 / 3, 1e10 / 3, 1e-10 / 3, 22 / 7, 100 / 7)
print(sum([0.1] * 10), 0.1 + 0.7, 4.35 * 100, 1.15 * 100, 0.57 * 100, 8.2 - 0.2)
print(float(10 ** 15), float(10 ** 16), float(2 ** 53), float(2 ** 53 + 1), 2.0 ** 62)
print(0.1 ** 5, 0.1 ** 4, 3.14e-5, 314e-7, 0.000314, 1.5e300 * 1.5e10, 2e-308 / 1e10)
print(12345678.9, 123456789.123, 0.1234567890123456789, 1.0000000000000002, 0.9999999999999999)
print(round(0.1 + 0.2, 10), round(2.675, 2), round(1e-5, 3), round(-1e-9, 3), round(123.456, -1))
values = [0.5, 0.25, 1 / 3, 1e-05, 1e16, -0.0]
print(values, tuple(values[:2]), {'lr': 1e-4, 'eps': 1e-7}, str(values[2]))
h = 1e-4
print(h, 2 * h, h / 2, (1.0 + h) - 1.0, 1e-4 * 1e4, 1 / (2 * h))
x = 1.0
for _ in range(5):
    x /= 10
print(x, x * 1e5, 1e-5 == x, abs(x - 1e-5) < 1e-20)
print(float('1e-5'), float('-inf') < 0, 1e-5 * 3, 3 * 0.1 == 0.3, float('  -1.50  '), 5e-324 / 2)
print(int(1e16) / 1, 1e16 + 1, 1e16 + 2, 2 ** 63 / 1, -2.5e-7, 6.02214076e23)
print(7.0 // 2, 7.0 % 2, -7.0 % 2, divmod(7.5, -2), 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
