# *args and **kwargs.
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(), f(1, 2), f(a=1), f(1, b=2, a=3), f(*"ab", **{"k": 1}))
def g(a, *rest, key="d", **extra):
    return a, rest, key, extra
print(g(1), g(1, 2, 3), g(1, key="k"), g(1, 2, z=9, key="q"))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(*range(101)))
def show(**kw):
    return kw
print(show(b=1, a=2), show(**{"with space": 1}), type(show()))
def pass_through(*a, **k):
    return g(*a, **k)
print(pass_through(5, 6, key=7))
args = (1, 2)
print(f(*args, *args, x=1))
try:
    g()
except TypeError as e:
    print("TypeError:", e)
try:
    show(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, **{1: 2})
except TypeError as e:
    print("TypeError:", e)
