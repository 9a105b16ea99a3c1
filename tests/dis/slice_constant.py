def f(a):
    return a[1:2], a[:], a[::-1], a[1:], a[:-1]
