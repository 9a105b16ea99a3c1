def f(base):
    class C(base):
        y = base
        def m(self):
            return base
    return C
