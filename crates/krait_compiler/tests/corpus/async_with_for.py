async def f(session):
    async with session.get("u") as resp, session.get("v"):
        return await resp.text()

async def g(it):
    async for x in it:
        if x:
            break
    else:
        return 0
