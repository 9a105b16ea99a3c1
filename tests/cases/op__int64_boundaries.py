# Integer arithmetic at machine-word boundaries (where fast paths must overflow to big ints).
M = 2**63
edges = [M - 1, -M, M, -M - 1, 2**62, -(2**62), 2**64 - 1, 2**64, 2**31, -(2**31), 2**32 - 1]
for a in edges:
    print(a, a + 1, a - 1, -a, abs(a), a * 2, a * -1, a * a, a // -1, a % -1, a // 3, a % 7, ~a)
print(-M // -1, -M * -1, -M - 1 + 1 == -M, (M - 1) + (M - 1), (-M) + (-M), (M - 1) * (M - 1))
print(divmod(-M, -1), divmod(-M, 7), divmod(M - 1, -7), pow(-M, 1), pow(2, 63), pow(-2, 63), pow(2, 64, M + 1))
print(1 << 62, 1 << 63, 1 << 64, -1 << 63, (1 << 63) >> 63, (-M) >> 1, (-M) >> 63, (-M) >> 64, (M - 1) << 1)
print((M - 1) & -M, (M - 1) | -M, (M - 1) ^ -M, -M & 0xFF, M & (M - 1), hash(M - 1), hash(-M), hash(M), hash(-M - 1))
acc = 1
for _ in range(70):
    acc = acc * 3 + 1
print(acc, acc.bit_length())
x = M - 10
for _ in range(20):
    x += 1
print(x, type(x).__name__, x - 20 == M - 10)
y = -M + 5
for _ in range(10):
    y -= 1
print(y, y + 10 == -M + 5)
print(sum([M - 1, M - 1, M - 1]), sum(range(M - 3, M + 3)), max(M - 1, M), min(-M, -M - 1), sorted([M, -M, M - 1, -M - 1, 0]))
print(int(str(M - 1)), int(str(-M)), int(float(M)), float(M - 1), float(-M), (M - 1) / 1, (M - 1) / (M - 1))
