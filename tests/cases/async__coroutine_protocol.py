# Coroutine details: __await__() gives a coroutine_wrapper iterator, reuse and
# "being awaited" errors, `yield from` a coroutine, the never-awaited RuntimeWarning,
# attributes by kind (cr_* only on coroutines).
import types, warnings, gc

@types.coroutine
def nop(v=None):
    r = yield v
    return r

async def add(a, b):
    x = await nop("step")
    return a + b + (x or 0)

c = add(1, 2)
w = c.__await__()
print(type(w).__name__, iter(w) is w)
print(next(w))
try:
    w.send(10)
except StopIteration as e:
    print("result", e.value)
for meth in ("send", "throw", "close"):
    print(meth, callable(getattr(w, meth)))
try:
    c.send(None)
except RuntimeError as e:
    print(e)
try:
    c.throw(ValueError("late"))
except RuntimeError as e:
    print(e)
print(c.close(), c.close())

# throw/close through the wrapper
c = add(1, 2)
w = c.__await__()
next(w)
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("thrown through wrapper", repr(e))
c = add(1, 2)
w = c.__await__()
next(w)
print(w.close(), c.cr_frame)

# an __await__ returning another coroutine's wrapper
class Wrap:
    def __init__(self, coro):
        self.coro = coro
    def __await__(self):
        return self.coro.__await__()
async def outer():
    return await Wrap(add(3, 4))
o = outer()
print(o.send(None))
try:
    o.send(1)
except StopIteration as e:
    print("outer", e.value)

# a coroutine already being awaited cannot be awaited again
async def waiter(coro):
    await coro
inner = add(0, 0)
inner.send(None)
try:
    waiter(inner).send(None)
except RuntimeError as e:
    print(e)
inner.close()

# yield from a coroutine: only inside a coroutine or types.coroutine generator
co = add(1, 1)
def plain():
    yield from co
try:
    list(plain())
except TypeError as e:
    print(e)
co.close()
@types.coroutine
def legacy():
    return (yield from add(1, 1))
g = legacy()
print(g.send(None))
try:
    g.send(5)
except StopIteration as e:
    print("legacy", e.value)

# attributes by kind
async def agen():
    yield 1
def gen():
    yield 1
for obj in (add(1, 1), gen(), agen()):
    names = [n for n in ("gi_code", "cr_code", "ag_code", "gi_running", "cr_running", "ag_running",
                         "gi_yieldfrom", "cr_await", "ag_await", "cr_origin", "gi_suspended", "cr_suspended")
             if hasattr(obj, n)]
    print(type(obj).__name__, names)
    if hasattr(obj, "close"):
        obj.close()

# never awaited
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    add(1, 2)
    gc.collect()
print([(w.category.__name__, str(w.message)) for w in caught])
c = add(1, 2)
c.close()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    del c
    gc.collect()
print("closed first:", caught)
