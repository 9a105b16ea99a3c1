# sorted/min/max with key, default, reverse; stability; heterogeneous errors.
words = ["Banana", "apple", "cherry", "Apple", "date", "banana"]
print(sorted(words), sorted(words, key=str.casefold), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(min(words), max(words), min(words, key=len), max(words, key=len), min(words, key=str.lower))
print(max([], default="empty"), min([], key=len, default=None), max(3, 1, 2, key=lambda v: -v), min((2, "b"), (2, "a")))
data = [(1, "b"), (0, "x"), (1, "a"), (0, "y")]
print(sorted(data, key=lambda p: p[0]), sorted(data, key=lambda p: p[0], reverse=True))
print(sorted(range(10), key=lambda v: (v % 3, -v)), sorted("hello world".split(), key=lambda w: w[-1]))
print(max([1, 1.0]), max([1.0, 1]), min([True, 1]), max(0, -0.0), min(-0.0, 0))
print(sorted([3, 1, 2], key=None), sorted({3: "c", 1: "a"}.items()), sorted([[2, 1], [1, 2], [1]]))
try:
    max()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, None])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3, 1], lambda v: v)
except TypeError as e:
    print("TypeError:", e)
print(sorted([float("nan"), 1.0, 0.0])[-1] if False else "nan sort skipped", sorted([-0.0, 0.0, -1.0]))
