# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 2 * -3, not True == False)
print(1 + 2 == 3, 1 | 2 == 3, (1 | 2) == 3, 1 & 3 == 1, 5 - 3 - 1, 64 // 4 // 2, 2 ** -1)
print(True or False and False, (True or False) and False, not 1 in [1], not (1 in [1]))
print(1 < 2 and 2 < 3 or 0, 3 if 1 else 4 + 10, (3 if 0 else 4) + 10, (lambda: 1 if True else 2)())
print(-3 % 5, -(3 % 5), ~0 + 1, ~(0 + 1), 1 << 2 + 1, (1 << 2) + 1, 6 & 3 ^ 1 | 8)
x = [1, 2, 3]
print(x[1] ** 2, -x[0], x[-1] * 2 ** 2, [i for i in x if i % 2 or i == 2])
a = b = 5
a += b * 2 - 1
print(a, b)
print(10 - 2 * 3 ** 2 // 4 % 5, 7 % 3 * 2, 2 * 7 % 3, 1e2 ** 0.5 * 2)
