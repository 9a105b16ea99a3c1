# Async generators driven by hand: __anext__/asend/athrow/aclose awaitables with
# send/throw/close, their error messages, and ag_* attributes.
import types

@types.coroutine
def pause(v="paused"):
    r = yield v
    return r

def step(aw, value=None):
    try:
        r = aw.send(value)
        return ("yielded", r)
    except StopIteration as e:
        return ("stop", e.value)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))

async def counter(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("  got", got)

g = counter(3)
print(type(g).__name__, g.__name__, g.__qualname__, g.ag_running, g.ag_await, g.ag_code.co_name)
print(g.__aiter__() is g)
print(step(g.__anext__()))
print(step(g.asend("hello")))
print(step(g.__anext__()))
print(step(g.__anext__()))
print(step(g.__anext__()))
print(g.ag_frame, g.ag_code.co_name)

# asend with a non-None value on a just-started generator
g = counter(2)
print(step(g.asend(5)))
print(step(g.asend(None)))

# awaits inside the generator pass through; ag_running and ag_await while suspended
async def awaiting():
    r = await pause("first")
    yield ("got", r)
    r = await pause("second")
    yield ("got", r)

g = awaiting()
a = g.__anext__()
print(step(a), g.ag_running, type(g.ag_await).__name__)
print("contender", step(g.__anext__()))
print("aclose while running", step(g.aclose()))
print("athrow while running", step(g.athrow(ValueError)))
print(step(a, "A"), g.ag_running)
print("reuse", step(a))
a = g.__anext__()
print(step(a), step(a, "B"))
print(step(g.__anext__()))

# iteration via __next__ on the awaitable (as `yield from` does)
a = counter(1).__anext__()
try:
    next(a)
except StopIteration as e:
    print("next ->", e.value)

# athrow: caught, uncaught, finished generator
async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  caught", repr(e))
            yield "after-catch"

g = catcher()
print(step(g.__anext__()))
print(step(g.athrow(ValueError, ValueError("v1"))))
print(step(g.athrow(ValueError("v2"))))
print(step(g.athrow(KeyError, "k")))
print(step(g.__anext__()))
print(step(g.athrow(ValueError)))
t = g.athrow(ValueError)
print(step(t), step(t))

# athrow sent a non-None value first
g = catcher()
print(step(g.athrow(ValueError), 1))

# aclose: finally blocks run; awaiting in finally; ignoring GeneratorExit
async def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  finally, awaiting")
        r = await pause("cleanup")
        print("  cleanup got", r)

g = with_finally()
print(step(g.__anext__()))
c = g.aclose()
print(step(c))
print(step(c, "X"))
print("reuse", step(c))
print(step(g.__anext__()))
print(step(g.aclose()))

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

g = stubborn()
print(step(g.__anext__()))
print(step(g.aclose()))

async def stubborn_await():
    try:
        yield 1
    except GeneratorExit:
        await pause("in handler")
        yield 2

g = stubborn_await()
print(step(g.__anext__()))
c = g.aclose()
print(step(c))
print(step(c))

# aclose on a never-started generator, and twice
g = counter(3)
print(step(g.aclose()), step(g.aclose()), step(g.__anext__()))

# errors inside the body
async def raiser(e):
    yield 1
    raise e

for exc in (StopIteration("s"), StopAsyncIteration("sa"), KeyError("k")):
    g = raiser(exc)
    step(g.__anext__())
    try:
        g.__anext__().send(None)
    except BaseException as e:
        print(type(e).__name__, e, "| cause:", repr(e.__cause__))

# throw() on the awaitables
g = catcher()
a = g.__anext__()
print(step(a))
a = g.__anext__()
try:
    a.throw(ValueError("into asend"))
except StopIteration as e:
    print("asend.throw ->", e.value)
a.close()
print("closed asend", step(a))
g = with_finally()
step(g.__anext__())
c = g.aclose()
print(step(c))
try:
    c.throw(KeyError("during aclose"))
except KeyError as e:
    print("aclose.throw ->", repr(e))
t = counter(2).athrow(ValueError)
t.close()
print("closed athrow", step(t))

# The wrapped value never leaks: yield of an awaitable-looking value
async def yields_tuple():
    yield (1, 2)
    yield None
g = yields_tuple()
print(step(g.__anext__()), step(g.__anext__()), step(g.__anext__()))
