def outer(q):
    z = 1
    a = 2
    B = 3
    def inner():
        return z + a + B + q
    return inner

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
