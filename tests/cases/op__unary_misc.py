# Unary operators, operator precedence, walrus.
print(-2 ** 2, (-2) ** 2, not 1 == 2, -3 % 5, -(3 % 5), 2 + 3 * 4 ** 2 // 5 - 1)
print(1 + 2 << 1, 1 | 2 ^ 3 & 4, ~1 + 1, 1 < 2 == 2, 10 - 5 - 2, 2 ** -1 ** 2)
print(-0, -0.0, +0.0, abs(-0.0), -(2**63), +True, -False)
data = [1, 5, 9, 2]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 5], y)
while (chunk := data.pop()) != 5:
    print("chunk", chunk)
print(data)
print((a := 3) + a)
