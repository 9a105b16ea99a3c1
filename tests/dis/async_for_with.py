async def f(it, cm):
    async for x in it:
        print(x)
    else:
        pass
    async with cm as c:
        print(c)
    async with cm, cm:
        pass
