async def agen():
    yield 1
    await something()
    yield 2
