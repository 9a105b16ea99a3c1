# iter() with sentinel, next() with default, iterator exhaustion, iter on iterators.
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"), list(it))
calls = [5, 4, 3, 0, 2]
print(list(iter(calls.pop, 3)))
counter = iter(range(3))
print(iter(counter) is counter, list(zip(counter, counter)))
s = iter("ab")
print(type(s).__name__, next(s), next(s), next(s, None))
d = iter({"x": 1, "y": 2})
print(type(d).__name__, list(d))
r = iter(range(2))
print(type(r).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter(set())).__name__, type(iter(b"")).__name__)
class Countdown:
    def __init__(self, n): self.n = n
    def __call__(self):
        self.n -= 1
        return self.n
print(list(iter(Countdown(5), 0)))
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration raised")
e = enumerate("xyz")
print(next(e), list(e))
m = map(str.upper, "ab")
print(iter(m) is m, next(m), list(m))
