# Weakref callbacks: called with the dead weakref when the referent dies, most recent
# weakref first; errors go to sys.unraisablehook; a dead weakref's callback never runs.
import sys
import weakref


class A:
    pass


log = []
a = A()
r1 = weakref.ref(a, lambda w: log.append(("r1", w() is None)))
r2 = weakref.ref(a, lambda w: log.append(("r2", w is r2)))
r3 = weakref.ref(a)
p = weakref.proxy(a, lambda w: log.append("proxy"))
print(r1 is r3, r3 is weakref.ref(a), weakref.getweakrefcount(a))
del a
print(log)
print(r3(), r1(), r1.__callback__ is not None)

# A weakref that dies first: its callback is not called.
b = A()
r = weakref.ref(b, lambda w: log.append("never"))
del r
del b
print(log[-1])

# The referent dies inside a function (its frame's locals go at return).
def f():
    c = A()
    weakref.ref(c, lambda w: log.append("short-lived weakref"))
    keep.append(weakref.ref(c, lambda w: log.append("local died")))
keep = []
f()
print(log[-1])

# Errors in callbacks are unraisable.
seen = []
def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg, u.object.__name__))
sys.unraisablehook = hook
def bad(w):
    raise ValueError("boom")
d = A()
w = weakref.ref(d, bad)
d = None
print(seen)
sys.unraisablehook = sys.__unraisablehook__

# Callbacks that create and drop more objects with callbacks.
def chain(n):
    def cb(w):
        log.append(("chain", n))
        if n < 3:
            x = A()
            holder.append(weakref.ref(x, chain(n + 1)))
    return cb
holder = []
e = A()
holder.append(weakref.ref(e, chain(0)))
del e
print([x for x in log if x[0] == "chain"])

# Objects dying in a loop: each callback runs before the loop's next round.
count = [0]
for i in range(5):
    o = A()
    wr = weakref.ref(o, lambda w: count.__setitem__(0, count[0] + 1))
    o = None
    print(i, count[0])
