def f(a, b=2, *args, c, d=4, **kw):
    """doc"""
    return a + b

def g():
    return

def h(x, /, y):
    return x * y

print(f(1, c=3))
