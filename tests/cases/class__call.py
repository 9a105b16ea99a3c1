# __call__, __new__ and __init__.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, **kw):
        return self.n + x + sum(rest) + sum(kw.values())
a = Adder(10)
print(a(1), a(1, 2, 3), a(1, k=5), callable(a), callable(Adder), callable(5))
class Single:
    _inst = None
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
x = Single(1)
y = Single(2)
print(x is y, x.v)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())
class Immutable(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def __init__(self, a, b):
        self.sum = a + b
im = Immutable(1, 2)
print(im, im.sum, len(im))
class InitReturns:
    def __init__(self):
        return 1
try:
    InitReturns()
except TypeError as e:
    print("TypeError:", e)
class Chain:
    def __init__(self, v=0): self.v = v
    def __call__(self, d): return Chain(self.v + d)
print(Chain()(1)(2)(3).v)
