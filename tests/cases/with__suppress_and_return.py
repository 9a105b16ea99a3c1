# with: __exit__ return values, exceptions in __exit__, return/break through with.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.seen = et.__name__ if et else None
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError) as s:
    {}["x"]
print("suppressed", s.seen)
try:
    with Suppress(KeyError) as s:
        [][0]
except IndexError:
    print("not suppressed", s.seen)
def returns_inside():
    with Suppress() as s:
        return "value from inside with"
print(returns_inside())
def loop():
    out = []
    for i in range(5):
        with Suppress(ZeroDivisionError):
            if i == 3:
                break
            out.append(10 // (i - 1))
    return out
print(loop())
class Counting:
    entered = exited = 0
    def __enter__(self):
        Counting.entered += 1
    def __exit__(self, *exc):
        Counting.exited += 1
for _ in range(3):
    with Counting(), Counting():
        pass
print(Counting.entered, Counting.exited)
class Value:
    def __enter__(self):
        return [1, 2]
    def __exit__(self, *a):
        return False
with Value() as (a, b):
    print("unpacked target", a, b)
holder = {}
with Value() as holder["k"]:
    pass
print(holder)
