x = 1
def f():
    global x
    del x
def g():
    y = 1
    def h():
        nonlocal y
        del y
    return h
