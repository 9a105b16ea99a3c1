def g():
    x = (yield 1) + (yield 2)
    print((yield), (yield x))
    return x
