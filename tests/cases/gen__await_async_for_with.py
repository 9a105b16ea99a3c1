# await, async for and async with driven by send(): GET_AWAITABLE, GET_AITER, GET_ANEXT,
# END_ASYNC_FOR, BEFORE_ASYNC_WITH, and their TypeErrors.
import types
class Awaitable:
    def __await__(self):
        x = yield "tick"
        return ("awaited", x)
async def inner():
    return 5
async def f():
    a = await inner()
    b = await Awaitable()
    return a, b
c = f()
print(c.send(None))
try:
    c.send("sent")
except StopIteration as e:
    print("result", e.value)

class AIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class ACM:
    async def __aenter__(self):
        print("enter"); return self
    async def __aexit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None); return True
async def g():
    out = []
    async for i in AIter(3):
        out.append(i)
    async with ACM() as m:
        out.append(type(m).__name__)
    async with ACM():
        raise ValueError("swallowed")
    return out
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(g()))
@types.coroutine
def sleeper():
    v = yield "sleeping"
    return v
async def h():
    return await sleeper()
c = h(); print(c.send(None))
try:
    c.send(7)
except StopIteration as e:
    print("types.coroutine", e.value)
async def bad(x):
    await x
for x in (1, ):
    try:
        run(bad(x))
    except TypeError as e:
        print("TypeError", e)
async def bad_for():
    async for i in [1]:
        pass
async def bad_with():
    async with object():
        pass
for co in (bad_for(), bad_with()):
    try:
        run(co)
    except TypeError as e:
        print("TypeError", e)
class BadAwait:
    def __await__(self): return 1
try:
    run(bad(BadAwait()))
except TypeError as e:
    print("TypeError", e)
