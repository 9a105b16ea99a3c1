# ** with ints, negatives, floats, and three-argument pow.
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2, 2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -5)
print(2 ** 100, (-3) ** 41, 7 ** 77)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3), 2.0 ** 3, 1.5 ** -2, 0.0 ** 0, 0.0 ** 5)
print((-8) ** (1 / 3))
print((-1) ** 0.5, (-2.0) ** 1.5)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 ** float("inf"), float("inf") ** 0, float("nan") ** 0, 2 ** float("-inf"), 0.5 ** float("inf"))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10**9 + 7), pow(-3, 3, 5), pow(3, -1, 7), pow(2, -1, 5))
print(pow(38, -1, 97), pow(7, 0, 1), pow(0, 0, 7))
for a, b in [(0, -1), (0.0, -1), (0, -1.5)]:
    try:
        print(a ** b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
print(type(2 ** -1), type(2 ** 2), type(4 ** 0.5), (1e308) ** 1)
