def f(x):
    assert x
    assert x > 0, "must be positive"
    if x > 10:
        raise ValueError("too big")
    raise ValueError("bad") from None

def g():
    try:
        pass
    except Exception:
        raise
