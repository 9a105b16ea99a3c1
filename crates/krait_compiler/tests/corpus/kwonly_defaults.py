def f(a, *, b=1, c, d=[1, 2]):
    return a

class C:
    def m(self, *, __p=1):
        return __p
