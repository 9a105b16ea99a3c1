# Bitwise operators and shifts, including negative and big ints.
vals = [0, 1, -1, 5, -6, 0xFF, 2**64 + 3, -(2**64) - 5]
for a in vals:
    print(a, [(a & b, a | b, a ^ b) for b in vals])
for a in [1, -1, 5, -5, 2**65, -(2**65) + 1]:
    print(a, [a << n for n in (0, 1, 3, 64, 100)], [a >> n for n in (0, 1, 3, 64, 200)])
print(1 << 1000 >> 999, -1 >> 10000, 1 >> 10000)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 & 1
except TypeError as e:
    print("TypeError:", e)
print(True & 3, True | 2, False ^ True, 6 & True)
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {3}, {1, 2, 3} ^ {3, 4}, {1, 2, 3} - {2})
