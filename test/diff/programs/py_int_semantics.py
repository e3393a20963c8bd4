# Integer semantics: big ints, floor division and modulo with negatives, int vs float results.
big = 2 ** 100
print(big, big // 3, big % 7, -big, big * big)
print(10 ** 20 * 10 ** 20 + 1, len(str(2 ** 1000)), int("1" * 30) + 1)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(-7, 2), divmod(7, -2), -7 / 2, 7.5 // 2, -7.5 // 2, -7.5 % 2, 7 % 2.5)
print(7 / 2, 6 / 2, 1 / 3, 10 / 5, type(6 / 2).__name__, 2 ** 10, 2 ** -1, (-8) ** 2, -2 ** 2)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, 1024 >> 3, -1 >> 10)
print(True + True, True * 2.5, 3 * True, int(2 ** 53 + 1.0), float(2 ** 100), 2 ** 0.5)

apple, apple_num, tax = 100, 2, 1.1
apple_price = apple * apple_num
price = apple_price * tax
dtax = apple_price * 1
dapple = 1 * tax * apple_num
print("price:", price, int(price), "dApple:", dapple, "dTax:", dtax)
print("types:", type(apple_price).__name__, type(price).__name__, type(dtax).__name__)
orange, orange_num = 150, 3
all_price = apple_price + orange * orange_num
print(all_price, all_price * tax, int(all_price * tax), orange * tax, 3 * 1.1, 1.1 * 3)
print(int(1e16), int(-0.99), 10 ** 16 == 1e16, 10 ** 23 == 1e23, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(round(2 ** 100 / 3), 12 // 0.5, 0 ** 0, 0.0 ** 0, abs(-2 ** 63), (-3) % 5, -(3 % 5))
print(int("0010"), int("-0"), 1_000_000 + 1, 0x1F, 0b101, 0o17, 1e3, 10 ** -2)
print(max(2 ** 64, 1.5), min(-2 ** 64, 0), sum(range(10 ** 3)), sum([2 ** 64] * 3))
total = 0
for i in range(1, 21):
    total += i ** i
print(total, total % 1000000007, str(total)[:10])
print(hex(2 ** 64), bin(255), 17 // 5 * 5 + 17 % 5 == 17, -17 // 5 * 5 + -17 % 5 == -17)
n = 3
n += 2
n *= 4
n //= 3
n **= 2
n -= 1
n %= 7
print("augmented", n, 7 / 7, 49 ** 0.5, 27 ** (1 / 3), 10 % 3.0)
