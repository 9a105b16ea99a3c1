# Comparisons, chained comparisons, and mixed numeric types.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 != 2 != 1)
print(1 < 2 > 0, 0 <= 0 >= 0, 1 < 2 <= 2 < 3 != 4)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(0) < v(5), calls)
calls.clear()
print(v(1) < v(2) < v(3) < v(0), calls)
print(2**64 == 2.0**64, 2**64 + 1 == 2.0**64, 2**64 + 1 > 2.0**64, 10**400 > 1e308, -10**400 < -1e308)
print(float("nan") == float("nan"), float("nan") < 1, float("nan") != 1, 1 < float("inf"))
print(10**400 < float("inf"), 9007199254740993 == 9007199254740992.0)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [] < [0], "abc" < "abd", "Z" < "a", "" < "a", "é" > "z")
print((1, "a") == (1, "a"), [1, 2] != [1, 2], b"a" < b"b")
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} == frozenset({1}))
for a, b in [(1, "1"), ([], ()), (None, 0), ({}, {})]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
print(1 == "1", None == None, [] == (), (1 < 2) is True)
x = 5
print(0 < x < 10, not 0 < x < 3, 1 < x == 5)
