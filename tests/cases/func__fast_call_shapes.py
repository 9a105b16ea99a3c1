# Calls that take the interpreter's fast paths, with the edge cases of each shape.
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 5), f(1, 5, 6), f(1, c=9))
try:
    f()
except TypeError as e:
    print(e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print(e)
class C:
    def m(self, x, y=10):
        return (x, y)
    def n(self):
        return "n"
c = C()
print(c.m(1), c.m(1, 2), c.n())
bound = c.m
print(bound(3), bound(3, 4))
try:
    c.n(1)
except TypeError as e:
    print(e)
try:
    bound()
except TypeError as e:
    print(e)
def outer():
    k = 7
    def inner(a, b=1):
        return a + b + k
    return inner
g = outer()
print(g(1), g(1, 2))
def defaults_mutated(a, b=[]):
    b.append(a)
    return b
print(defaults_mutated(1), defaults_mutated(2))
f.__defaults__ = (20, 30)
print(f(1))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(e)
def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)
print(rec(500))
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
class D:
    def __init__(self, v=4):
        self.v = v
print(D().v, D(5).v)
