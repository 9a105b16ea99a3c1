def f(a, b):
    if not a:
        return 1
    if not (a and b):
        return 2
    if a is None:
        return 3
    if b is not None:
        return 4
