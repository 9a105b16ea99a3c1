def f(x):
    while x is not None:
        x = x.next
    return x is None
