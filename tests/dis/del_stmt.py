x = 1
del x
a = [1, 2]
del a[0], a
def f():
    y = 1
    del y
