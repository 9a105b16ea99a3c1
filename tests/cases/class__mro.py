# Multiple inheritance, C3 MRO and cooperative super().
class A:
    def who(self): return ["A"]
class B(A):
    def who(self): return ["B"] + super().who()
class C(A):
    def who(self): return ["C"] + super().who()
class D(B, C):
    def who(self): return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class K1(A, B.__base__ if False else X): pass
print([k.__name__ for k in K1.__mro__])
class Base:
    def __init__(self, **kw):
        print("Base init", sorted(kw))
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left init", left)
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right init", right)
        super().__init__(**kw)
class Both(Left, Right):
    pass
Both(left=1, right=2, extra=3)
print(Both.mro() == list(Both.__mro__), type.mro(Both)[1].__name__)
class M1: x = "M1"
class M2: x = "M2"; y = "M2y"
class M3(M1, M2): pass
print(M3.x, M3.y)
try:
    class Dup(A, A): pass
except TypeError as e:
    print("TypeError:", e)
