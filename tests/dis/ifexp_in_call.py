def f(a, b):
    return print(a if b else -a, b if a else None)
