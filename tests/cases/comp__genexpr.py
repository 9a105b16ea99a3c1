# Generator expressions: laziness, one-shot iteration, scoping.
g = (x * 2 for x in range(4))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5]), all(x for x in []), tuple(c for c in "ab"))
log = []
def src():
    for i in range(3):
        log.append(f"yield {i}")
        yield i
lazy = (v * 10 for v in src())
print(log)
print(next(lazy), log)
print(list(lazy), log)
try:
    (1 / x for x in [1, 0])
    gen = (1 / x for x in 5 if True) if False else None
    print("first iterable evaluated eagerly:")
    (y for y in 5)
except TypeError as e:
    print("TypeError:", e)
nested = ((i, j) for i in range(2) for j in "ab")
print(list(nested))
print(sorted((x for x in [3, 1, 2]), reverse=True), "-".join(str(i) for i in range(4)))
pairs = dict((k, len(k)) for k in ["aa", "b"])
print(pairs)
