import asyncio

async def fetch(x):
    await asyncio.sleep(0)
    return x

async def main():
    async with ctx() as c:
        async for item in aiter_():
            print(item)
    r = [await fetch(i) for i in range(3)]
    g = (i async for i in aiter_())
    return r

async def agen():
    yield 1
    await asyncio.sleep(0)
