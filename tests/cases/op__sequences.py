# Operators on sequences: +, *, in, comparisons, and their errors.
print([1] * 3 + [2] * 2, (0,) * 4, "ab" * 3 + "c", b"x" * 2, [[]] * 2, 3 * (1, 2))
print("a" < "b" < "ba", [1, 2] < [1, 2, 0], (1, [2]) == (1, [2]), [1, 2] != (1, 2), "abc" > "abC")
print("b" in "abc", [1] in [[1]], (1, 2) in [(1, 2)], "x" not in "abc", 3 in range(4))
print([] * 10, "" * 10, -1 * "ab", list("ab") * 0, len([0] * 1000), [1, 2] * True)
try:
    [1] * 1.0
except TypeError as e:
    print("TypeError:", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError:", e)
try:
    "a" - "b"
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < "a"
except TypeError as e:
    print("TypeError:", e)
l = [1, 2]
l2 = l * 2
l2[0] = 99
print(l, l2)
print(sorted(["b", "A", "a", "B", "é", "1"]), max([[1, 2], [1, 3], [0, 9]]), min("hello world"))
