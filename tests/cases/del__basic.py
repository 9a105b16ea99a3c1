# __del__ runs once when the last reference goes (PEP 442); errors are unraisable;
# subclasses inherit it; it can be added to a class later.
import sys

log = []


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        log.append(self.n)


a = A(1)
b = a
del a
print(log)
del b
print(log)
A(2)
print(log)
x = A(3)
x = A(4)
print(log)
x = None
print(log)


def f():
    y = A(5)
    return 7
print(f(), log)

lst = [A(6), A(7)]
lst.pop()
print(log)
del lst
print(log)

d = {"k": A(8)}
del d["k"]
print(log)


class Holder:
    pass
h = Holder()
h.attr = A(9)
del h.attr
print(log)


class Sub(A):
    pass
s = Sub(10)
del s
print(log)


class C:
    pass
C.__del__ = lambda self: log.append("late")
c = C()
del c
print(log[-1])


class L(list):
    def __del__(self):
        log.append(("list", len(self)))
l = L([1, 2, 3])
del l
print(log[-1])

seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, u.object.__qualname__, u.err_msg))


class Bad:
    def __del__(self):
        raise RuntimeError("in del")
bad = Bad()
del bad
print(seen)
