f = lambda: 0
g = lambda x, y=2: x + y
h = lambda *a, **k: (a, k)
key = sorted([3, 1, 2], key=lambda v: -v)

def outer():
    n = 3
    return lambda: n
