def gen():
    yield 1
    x = yield
    yield x
    return 5
