async def f():
    return 1
async def g():
    x = await f()
    return x
