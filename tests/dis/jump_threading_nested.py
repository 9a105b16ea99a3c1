def f(a, b):
    if a:
        if b:
            return 1
    else:
        pass
    x = (a and b) or (not a and not b)
    return not (a or b) and x
