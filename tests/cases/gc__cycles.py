# The cycle collector: unreachable cycles are freed by gc.collect() (weakrefs to them
# die, __del__ runs once first, PEP 442), reachable ones are kept.
import gc
import weakref


class A:
    pass


# Two instances referring to each other.
a = A()
b = A()
a.other = b
b.other = a
wa = weakref.ref(a)
del a, b
print(wa() is not None)
print(gc.collect() >= 2, wa())

# A list containing itself, a dict containing itself.
lst = []
lst.append(lst)
d = {}
d["self"] = d
print(gc.collect(), len(lst), len(d))
del lst, d
print(gc.collect() >= 2)

# A cycle still reachable from a global is kept.
keep = A()
keep.me = keep
print(gc.collect(), keep.me is keep)

# Instances with __slots__.
class S:
    __slots__ = ("other", "__weakref__")


s1 = S()
s2 = S()
s1.other = s2
s2.other = s1
ws = weakref.ref(s1)
del s1, s2
print(ws() is not None, gc.collect() >= 2, ws())

# A recursive closure: the function and its cell.
def outer():
    def inner(n):
        return n if n == 0 else inner(n - 1)
    return inner
f = outer()
wf = weakref.ref(f)
del f
print(wf() is not None, gc.collect() >= 2, wf())

# __del__ in a cycle runs once, before the cycle is cleared; it sees its attributes.
log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append((self.name, self.partner.name))


x = D("x")
y = D("y")
x.partner = y
y.partner = x
del x, y
gc.collect()
print(sorted(log))

# A finalizer that resurrects its cycle: nothing is freed, __del__ does not run again.
saved = []


class R:
    def __del__(self):
        saved.append(self)


r = R()
r.cycle = r
del r
gc.collect()
print(len(saved), saved[0].cycle is saved[0], gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print(len(saved))

# Weakref callbacks of collected objects run.
called = []
c = A()
c.c = c
w = weakref.ref(c, lambda ref: called.append(ref() is None))
del c
gc.collect()
print(called)

# gc.callbacks get the start and stop phases.
phases = []
gc.callbacks.append(lambda phase, info: phases.append((phase, info["generation"])))
gc.collect(1)
gc.callbacks.clear()
print(phases)

# Introspection.
e = A()
e.items = [e]
print(gc.is_tracked(e), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]))
print(e.items in gc.get_referents(e.__dict__), e.__dict__ in gc.get_referrers(e.items))
print(any(o is e for o in gc.get_objects()))
gc.disable()
print(gc.isenabled())
gc.enable()
gc.set_threshold(500, 5)
print(gc.isenabled(), gc.get_threshold())
try:
    gc.collect(3)
except ValueError as exc:
    print(exc)
