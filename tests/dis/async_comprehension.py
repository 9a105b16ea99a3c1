async def f(ait):
    a = [x async for x in ait]
    b = [await x for x in []]
    c = {x: 1 async for x in ait}
    return a, b, c
