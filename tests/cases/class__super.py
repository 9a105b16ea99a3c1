# super() in its various forms.
class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return f"A.c({cls.__name__})"
    @staticmethod
    def s(): return "A.s"
    def __init__(self): self.tag = "A"
class B(A):
    def f(self): return "B.f>" + super().f()
    @classmethod
    def c(cls): return "B.c>" + super().c()
    @staticmethod
    def s(): return "B.s>" + super(B, B).s()
    def __init__(self):
        super().__init__()
        self.tag += "B"
class C(B):
    def f(self): return "C.f>" + super(B, self).f()
b = B()
print(b.f(), B.c(), b.c(), B.s(), b.tag)
print(C().f(), C.c(), C().tag)
print(super(B, b).f(), super(C, C()).f())
class D(A):
    def g(self):
        try:
            return [super().f() for _ in range(2)]
        except TypeError as e:
            return "TypeError: " + str(e)
    def h(self):
        return (lambda: super(D, self).f())()
print(D().g(), D().h())
def outside():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
outside()
class E(A):
    def f(self):
        sup = super()
        return type(sup).__name__, sup.f()
print(E().f())
class Str(str):
    def upper(self):
        return "<" + super().upper() + ">"
print(Str("abc").upper())
try:
    super(B, A()).f()
except TypeError as e:
    print("TypeError:", e)
