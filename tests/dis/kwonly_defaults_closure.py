def make(x):
    def f(a, *, b=x, c=[]):
        return a + b
    return f
