x = 1
del x
def f():
    y = 2
    del y
    z = [1]
    del z[0], z
class C:
    a = 1
    del a
