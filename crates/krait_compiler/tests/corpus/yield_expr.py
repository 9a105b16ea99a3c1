def g():
    x = yield 1
    y = yield
    yield x, y
    z = [(yield)]
    return z
