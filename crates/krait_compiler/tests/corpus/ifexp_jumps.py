def f(a, b, c):
    if a if b else c:
        return 1
    if not (a and b):
        return 2
    if a < b < c:
        return 3
    return 4
