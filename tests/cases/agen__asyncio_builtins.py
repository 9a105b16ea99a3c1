# aiter()/anext() (with default), contextlib.asynccontextmanager, inspect/types/abc checks, and
# async for/comprehensions over async generators under asyncio.run (its shutdown_asyncgens).
import asyncio, contextlib, inspect, types, sys
async def agen(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("agen finally", n)
class AI:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i
@contextlib.asynccontextmanager
async def cm(tag):
    print("enter", tag)
    try:
        yield tag
    except KeyError as e:
        print("cm caught", repr(e))
    finally:
        print("exit", tag)
async def main():
    it = aiter(agen(2))
    print(await anext(it), await anext(it), await anext(it, "dflt"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("SAI")
    a = AI()
    print(await anext(a), await anext(a, 0), await anext(a, "end"))
    for bad in (1, [1]):
        try: aiter(bad)
        except TypeError as e: print(e)
        try: anext(bad)
        except TypeError as e: print(e)
    async with cm("a") as v:
        print("body", v)
    async with cm("b") as v:
        raise KeyError("x")
    try:
        async with cm("c"):
            raise ValueError("y")
    except ValueError as e:
        print("propagated", repr(e))
    print(inspect.isasyncgen(agen(1)), inspect.isasyncgenfunction(agen), inspect.isasyncgenfunction(main))
    print(isinstance(agen(1), types.AsyncGeneratorType))
    import collections.abc as cabc
    print(isinstance(agen(1), cabc.AsyncGenerator), isinstance(agen(1), cabc.AsyncIterator))
    g = agen(3)
    async for x in g:
        print("x", x)
        if x == 1: break
    await g.aclose()
    print([i async for i in agen(3) if i % 2 == 0])
    print([await asyncio.sleep(0, i) for i in range(3)])
    g = agen(5)
    await g.__anext__()
    print("shutdown next")
asyncio.run(main())
print("done")
