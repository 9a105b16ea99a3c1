# Subclassing builtin types: behaviour of inherited methods and overrides.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
s = Stack([1])
s.push(2).push(3)
print(s, s.peek(), len(s), isinstance(s, list), type(s + [4]).__name__, type(s * 2).__name__, s == [1, 2, 3])
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def shout(self):
        return self + "!"
u = Upper("hey")
print(u, u.shout(), type(u.shout()).__name__, u.lower(), len(u), u == "HEY", repr(u))
class DefaultDict(dict):
    def __init__(self, factory, *a, **k):
        super().__init__(*a, **k)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = DefaultDict(list)
dd["a"].append(1)
dd["b"].append(2)
dd["a"].append(3)
print(dd, dd.get("zz"), "zz" in dd, len(dd))
class Celsius(float):
    def __repr__(self):
        return f"{float(self):.1f}°C"
c = Celsius(21.456)
print(repr(c), c + 1, type(c + 1).__name__, round(c, 1), str(c) if False else f"{c:.2f}")
class Even(int):
    def __new__(cls, v):
        if v % 2:
            raise ValueError(f"{v} is odd")
        return super().__new__(cls, v)
print(Even(4), Even(4) + 1, type(Even(4) * 2).__name__)
try:
    Even(3)
except ValueError as e:
    print("ValueError:", e)
class FrozenPair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
fp = FrozenPair(1, 2)
print(fp, fp.first, fp[1], hash(fp) == hash((1, 2)), fp == (1, 2))
class OrderedSet(dict):
    def add(self, x):
        self[x] = None
os_ = OrderedSet()
for x in "banana":
    os_.add(x)
print(list(os_))
