def f(a, b=1, c='x', *args, d, e=2, **kw):
    return a, b, c, args, d, e, kw
f(1, d=3)
