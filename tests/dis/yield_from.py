def inner():
    yield 1
    return 2
def outer():
    r = yield from inner()
    yield from [1, 2]
    return r
