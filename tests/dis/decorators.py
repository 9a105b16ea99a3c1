def deco(f):
    return f
def deco2(arg):
    return deco
@deco
def f():
    pass
@deco
@deco2(1)
def g():
    pass
@deco
class C:
    pass
