def f(xs):
    return any(x > 0 for x in xs), all(x for x in xs if x)
