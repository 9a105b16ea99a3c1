async def f(g):
    try:
        await g()
    except Exception:
        await g()
    finally:
        await g()
