# object.__init__ is skipped only where it cannot fail: a type that overrides __new__
# but not __init__ takes any arguments; one that overrides neither refuses them.
class C: pass
try: C(1)
except TypeError as e: print(e)
class E:
    def __new__(cls, *a): return object.__new__(cls)
print(type(E(1, 2)).__name__)
class F:
    def __init__(self, x): self.x = x
    def __new__(cls, *a): return object.__new__(cls)
print(F(3).x)
class I(int): pass
print(I("7") + 1, bool([1]), tuple("ab"))
try: object.__init__(C(), 1)
except TypeError as e: print(e)
