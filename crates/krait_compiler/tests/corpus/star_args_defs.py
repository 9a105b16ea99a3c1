def f(*, a, b=1):
    return a, b

def g(a, b, /, c, *, d):
    return a

def h(*args, **kwargs):
    return f(*args, **kwargs)
