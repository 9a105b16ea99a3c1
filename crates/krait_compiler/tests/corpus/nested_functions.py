def a():
    def b():
        def c():
            return 1
        return c
    return b

class Outer:
    class Inner:
        def m(self):
            pass
    def meth(self):
        def helper():
            pass
        return helper
