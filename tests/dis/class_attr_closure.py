def f():
    x = 1
    class C:
        y = x
        x = 2
        def g(self):
            return x
    return C
