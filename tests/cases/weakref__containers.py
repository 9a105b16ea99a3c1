# WeakValueDictionary, WeakKeyDictionary, WeakSet and weakref.finalize rely on
# callbacks: entries go when their objects die.
import weakref


class A:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"A({self.n})"

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        return isinstance(other, A) and other.n == self.n


objs = [A(i) for i in range(6)]
wvd = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
wkd = weakref.WeakKeyDictionary((o, i) for i, o in enumerate(objs))
ws = weakref.WeakSet(objs)
print(len(wvd), len(wkd), len(ws))
del objs[1:3]
print(len(wvd), sorted(wvd), len(wkd), sorted(wkd.values()), len(ws))
x = objs.pop()
print(len(wvd), len(ws))
del x
print(len(wvd), len(wkd), len(ws), sorted(ws, key=lambda a: a.n))
objs.clear()
print(len(wvd), len(wkd), len(ws), list(wvd.items()))

# weakref.finalize: runs once, when the object dies (or when called).
o = A(10)
f = weakref.finalize(o, print, "finalized", 10)
print(f.alive, f.peek()[0])
del o
print(f.alive, f())
o2 = A(11)
f2 = weakref.finalize(o2, lambda: "result")
print(f2(), f2.alive, f2())
del o2
print(f2.alive)

# A method's WeakMethod dies with its object.
class B:
    def m(self):
        return 1
b = B()
wm = weakref.WeakMethod(b.m, lambda w: print("method gone"))
print(wm()())
b = None
print(wm())
