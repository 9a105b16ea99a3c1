# zip, map, filter: laziness, multiple iterables, strict mode, consumption order.
print(list(zip([1, 2, 3], "ab", (True, False, None))), list(zip(range(3))), list(zip()))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [-1, 2, -3])), list(map(str, [])))
print(list(filter(str.isdigit, "a1b2c3")), list(filter(None, [0, "", None, 1, "x", [], [0]])), list(filter(lambda v: v > 1, range(4))))
log = []
def src(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        yield i
print(list(zip(src("a", 3), src("b", 2))), log)
log.clear()
z = zip(src("p", 2), src("q", 5))
print(next(z), log)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1], [2], strict=True)), dict(zip("abc", range(3))), list(zip(*zip("ab", "cd"))))
mm = map(int, ["1", "x", "3"])
print(next(mm))
try:
    next(mm)
except ValueError as e:
    print("lazy ValueError:", e)
print(next(mm))
