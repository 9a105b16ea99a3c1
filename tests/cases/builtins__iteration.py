# all, any, enumerate, filter, iter, map, next, reversed, sorted, zip, len.
print(all([]), all([1, 1]), all([1, 0]), any([]), any([0, 0, 3]), any(x > 5 for x in range(10)))
print(list(enumerate("ab")), list(enumerate("ab", 10)), list(enumerate([], start=-1)), list(enumerate(x for x in "z")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda v: v % 2, range(10))))
print(list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: a, "ab", "xyz", [1, 2])), list(map(str.upper, "hi")))
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
calls = iter(lambda: calls_list.pop(), 0)
calls_list = [0, 3, 2, 1]
print(list(calls))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}), sorted([-3, 2, -1], key=abs))
print(sorted([(1, "b"), (0, "z"), (1, "a")]), sorted(["a", "B", "c"], key=str.lower, reverse=True))
stable = sorted([("x", 2), ("y", 1), ("z", 2), ("w", 1)], key=lambda p: p[1])
print(stable)
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip(*[(1, 2), (3, 4)])), dict(zip("ab", "xy")))
try:
    list(zip("ab", "xyz", strict=True))
except ValueError as e:
    print("ValueError:", e)
print(len("abc"), len([]), len({1: 2}), len(range(0, 100, 7)), len(b"xy"), len({1, 2}), len(frozenset()), len((1,)))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
m = map(lambda x: 1 / x, [1, 0])
print(next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print("lazy map raised:", e)
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z), list(z))
