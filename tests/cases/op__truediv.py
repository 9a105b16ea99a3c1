# True division.
for a in [7, -7, 0, 1, 10**30, -(10**30), 7.5, -0.0]:
    print([a / b for b in [2, -2, 3, 0.5, -4.0, 10**20, 7]])
print(1 / 3, 2 / 3, 10 / 4, -10 / 4, 10**400 // 10**399 / 3)
print(10**400 / 10**399, 1 / 10**300)
print((2**53 + 1) / 1, 12345678901234567890 / 10)
for a, b in [(1, 0), (1.0, 0), (0, 0.0), (1, -0.0), (10**30, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    10**400 / 1.5
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10**400 / 3)
except OverflowError as e:
    print("OverflowError:", e)
