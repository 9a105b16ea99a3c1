# sys.set_asyncgen_hooks: firstiter on first iteration, finalizer for a dropped unfinished
# async generator (called once, keeps it alive), no hook for finished ones, argument errors.
import sys, gc
log = []
def firstiter(g):
    print("firstiter", g.__name__)
def finalizer(g):
    print("finalizer", g.__name__, g.ag_running, type(g).__name__)
    keep.append(g)
keep = []
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter, finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h.finalizer is finalizer, h[0] is firstiter)
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")
g = agen()
print("created")
a = g.__anext__()
try: a.send(None)
except StopIteration as e: print("got", e.value)
del a, g
gc.collect()
print("after del")
g = keep.pop()
c = g.aclose()
try: c.send(None)
except StopIteration: print("closed")
del g, c
# finished generators are not finalized
g = agen()
for _ in range(3):
    try: g.__anext__().send(None)
    except (StopIteration, StopAsyncIteration) as e: print(type(e).__name__)
del g
gc.collect()
print("no finalizer call above")
# hooks are read at first iteration
sys.set_asyncgen_hooks(None, None)
g = agen()
try: g.__anext__().send(None)
except StopIteration: pass
del g
gc.collect()
print("closed without hook")
try: sys.set_asyncgen_hooks(1)
except TypeError as e: print(e)
try: sys.set_asyncgen_hooks(finalizer=1)
except TypeError as e: print(e)
def bad_first(g):
    raise ValueError("first")
sys.set_asyncgen_hooks(firstiter=bad_first)
try: agen().__anext__()
except ValueError as e: print("firstiter raised", e)
sys.set_asyncgen_hooks(firstiter=None)
print("end")
