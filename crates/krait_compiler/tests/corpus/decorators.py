@dec
def f():
    pass

@dec1
@dec2(arg)
class C:
    @property
    def p(self):
        return 1
