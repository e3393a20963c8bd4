# Set iteration order after adds, discards, pops and set algebra: generated operations on sets of ints,
# floats and bools, whose printed order must follow CPython's hash table (Objects/setobject.c).
a=set([103, 79, 75, 90, 110, 8, 7, 91, 81, 117, 7, -16, 74, 37, -4, -17, 97, -30, 112, 61, 75, 117, 0, 119, -37, 95, -24, -25]); b=set([True]); c=frozenset(a)
a = a | b
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([35, 87, -39, -19, 77, 31, 64, 101, -19, 25, 40, 18, 91, 33, -33, -23, 104, -13, 62, -13, 34, 58, -23, -36, -40, 14, 13, -27, 80, 56, 61, 67, -22, 104, 10, 29, 46, -18, 39, 45]); b=set([]); c=frozenset(a)
a |= b
a ^= b
a = set(sorted(a))
a = a & b
a |= b
a.add(14)
a.pop() if a else None
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([13, 109, 22, -37, 113]); b=set([55, True, -6, 120, 116, True, 6.869740035395014, 6.0353421478344345, -28, 91, True]); c=frozenset(a)
a = a.union(c)
a ^= b
a = a.copy()
a.update([22, 36])
a.difference_update(b)
a.discard(93)
a.discard(51)
a = a & b
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([-6, -22, -21, 75, 99, 54, -29, -7, 47, 50, -19, 81, -21, 66, -33, 87, 106, -37, 119, 57]); b=set([109, -20, True, True, 4.577557924428768, True, -33, True, True, 84, True, 116]); c=frozenset(a)
a = set(sorted(a))
a ^= b
a -= b
a |= b
a = a.union(c)
a.discard(75)
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([115, -30, 31, 106, 50, 39, 104, -36, -6, 63, 76, 8, -34, 28, 20, -4, -28]); b=set([True, True, 1.993414224970177]); c=frozenset(a)
a.discard(80)
a &= b
a = set(sorted(a))
a = set(sorted(a))
a = b ^ a
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([-15, -9, 14, 22, 59, -18, 39, 97, 42, 27, -36, 49, 89]); b=set([True, 7.682334950212894]); c=frozenset(a)
a = b ^ a
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([80, -2, 92, 92, 72, 86, 108, -18]); b=set([5.266634043959898, True, True, 3.1169756257011483, 116, True, True]); c=frozenset(a)
a.discard(56)
a = a.union(c)
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([2, -24, 97, 77, 65]); b=set([2.4627746249110616, 3.3968080903349507, 94, 6.178948806927674, -7, -31, 6.870340353554562, 2.4446665957395974, True, True, True, 95]); c=frozenset(a)
a ^= b
a -= b
a = b ^ a
a |= b
a = b - a
a -= b
a.update([12, 25])
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([-11, 89, 47, 88, 8, -22, 83, -13, -34, -31, 101, 117, 91, 105, 83, -3, 8, 7, -11, 12, 4, 0, 32]); b=set([True, 78, 3.908843730908622]); c=frozenset(a)
a.discard(113)
a.update([58, 46])
a.add(39)
a ^= b
a &= b
a.update([42, 68])
a &= b
a.add(114)
a = b - a
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([46, 15, 63, 105, 6, 96, -21, 59, 91, 87, 14, -10, 61, 107, -35, -11, 117, -13, 20]); b=set([73, 10, 2.5855761208301375, True, True, True, True, -29]); c=frozenset(a)
a.discard(86)
a = set(sorted(a))
a = b - a
a = a | b
a = set(sorted(a))
a = b ^ a
a = b - a
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([-29, 93, -15, 79, -4, 22, 114, -11, -28, 119, 66, 76, -10, 12, -27]); b=set([1.5472412947063074, 1.3977825394191778, True, 6.820063249731944, 95, 34, 1.1386855321339107, 6.249764252197865, True, 104, 31]); c=frozenset(a)
a.discard(10)
a.discard(68)
a.pop() if a else None
a.update([30, 80])
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([82, 50, 13, 46, 47, 86, -6, -21, -10, 74, 119, 14, 73, 68, 26, 59, -2, 54, -1, 112, 43, 34, 100, 7, 69, 54, 108, -16, 78, 42]); b=set([True, True]); c=frozenset(a)
a.pop() if a else None
a = a | b
a.difference_update(b)
a = a & b
a = a | b
a = set(sorted(a))
a -= b
a.difference_update(b)
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([-35, 16, 92, -26, 99, 0, 105, 35, -35, 68, -24, 108, 99, 38, 99, -19, 45, -20]); b=set([-14, -34, True, 68, True, 7.6470930471323495, 3.3781358456071855, True]); c=frozenset(a)
a.update([52, 96])
a.add(133)
a -= b
a = b ^ a
a.discard(95)
a &= b
a.discard(-36)
a = a | b
a.difference_update(b)
a = a & b
a = set(sorted(a))
a = a.union(c)
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([62, -28, 15, -6, 58, 95, 92, 30, -26, 20, -38, 80, 55, 75]); b=set([67, 1.5691014954397131, True, True, 28, -2, -40]); c=frozenset(a)
a |= b
a = a & b
a.pop() if a else None
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([13, -31, 99, 65, 94, 86, 0, 39, 40, 39, 63, -21, 102, 38, 79, -23, 52, -21, -5, -13, 60, 78, -9, 73, -37, 56, 81, 20]); b=set([104, 12, True, 9.540891448958936, 6.6668880795632095, True, 3.2939802340950597, True, 4.468565123296157]); c=frozenset(a)
a &= b
a.pop() if a else None
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([18, -32, 0, -9, 71, 64]); b=set([9.206155152861571, 90]); c=frozenset(a)
a.add(137)
a.add(253)
a.difference_update(b)
print(a, b, a|b, a&b, a-b, b-a, a^b, c - a, list(a)[:3], 5 in a)
a=set([102, 56, 12, 90, 45, 35]); b=set([7.134327751274555, True, True]); c=frozenset(a)
a ^= b
a.pop() if a else None
