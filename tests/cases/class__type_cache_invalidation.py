# Class attributes looked up, then changed: later lookups see the change (MRO cache).
class Base:
    def f(self):
        return "base f"

class Sub(Base):
    pass

s = Sub()
print(s.f(), hasattr(s, "g"))
Base.f = lambda self: "new base f"
print(s.f())
Sub.f = lambda self: "sub f"
print(s.f())
del Sub.f
print(s.f())
Base.g = 5
print(hasattr(s, "g"), s.g)

class P:
    pass
print(type(P()).__name__)
P.__init__ = lambda self, x=1: setattr(self, "x", x)
print(P(7).x, P().x)
del P.__init__
try:
    P(3)
except TypeError as e:
    print("TypeError:", e)

class M:
    def __len__(self):
        return 1
m = M()
print(len(m))
M.__len__ = lambda self: 2
print(len(m))
class N(M):
    pass
n = N()
print(len(n))
del M.__len__
try:
    len(n)
except TypeError as e:
    print("TypeError:", e)
