# **kwargs preserves call order; keyword argument mapping rules.
def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3), f(**{"b": 1, "a": 2}), f(a=1, **{"c": 2}, b=3))
def g(a, b=2, **kw):
    return a, b, kw
print(g(1, c=3), g(b=5, a=0), g(1, 2, b2=3))
class M:
    def keys(self):
        return ["x", "y"]
    def __getitem__(self, k):
        return k.upper()
print(f(**M()), g(0, **M()))
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
def h(*, a, b):
    return a - b
print(h(b=1, a=3), h(**{"a": 10, "b": 4}))
def defaults(x, y=[], z={}):
    return id(y) == id(defaults.__defaults__[0])
print(defaults(1))
