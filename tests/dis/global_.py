g = 0
def f():
    global g
    g += 1
    return g
def h():
    global newname
    newname = 1
    del newname
