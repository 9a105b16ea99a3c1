# + - * on ints, floats, mixed, and sequences.
vals = [0, 1, -1, 7, -7, 2**70, -(2**70), 0.5, -2.25, True]
for a in vals:
    print(a, [a + b for b in vals])
    print(a, [a - b for b in vals])
    print(a, [a * b for b in vals])
print(-0.0 + 0.0, -0.0 - 0.0, -0.0 * 1, 0.0 * -1, -0.0 + -0.0)
print([1] + [2], (1,) + (2,), "a" + "b", [0] * 3, [0] * -1, "ab" * 0)
print(--5, -(-5), +-5, -+5, ~5, ~-1, ~0, ~(2**80))
try:
    [1] + (2,)
except TypeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    -"a"
except TypeError as e:
    print(e)
