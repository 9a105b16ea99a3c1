# Big ints mixed with floats: true division, comparisons, conversions, rounding.
big = 3**200
print(big / 3**199, big / 2**300, 2**1100 / 2**1000, (2**1100 + 1) / 2**1000, -(3**100) / 7)
print(big > 1e95, big < 1e96, float(big) == big, big == int(float(big)), big * 1.0 > 1e95)
print(round(big / 10**90, 3), int(big / 10**80), big // 10**80, big % 10**9 / 10**9)
for num, den in [(10**30 + 1, 10**30), (2**200 + 1, 2**200), (1, 3**50), (10**400, 10**399), (-(10**400), 7 * 10**398)]:
    print(num / den)
try:
    10**400 * 1.0
except OverflowError as e:
    print("OverflowError:", e)
try:
    1.0 + 10**400
except OverflowError as e:
    print("OverflowError:", e)
print(10**400 > 1e308, 10**400 == float("inf"), -(10**400) < float("-inf"), (10**400) % 1.5 if False else "skip")
print(round(2**70 + 0.0), round(1e20) == 10**20, int(1e20) == 10**20, int(1.2345e25), 2**70 + 0.5 == 2**70)
