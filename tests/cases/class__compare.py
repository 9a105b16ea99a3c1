# Rich comparison dunders and their reflection.
class C:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print(f"eq {self.v} {getattr(o, 'v', o)}")
        return isinstance(o, C) and self.v == o.v
    def __lt__(self, o):
        print(f"lt {self.v} {o.v}")
        return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    __hash__ = None
print(C(1) == C(1), C(1) != C(2), C(1) < C(2), C(2) > C(1), C(1) <= C(1), C(3) >= C(2))
print(sorted([C(3), C(1), C(2)], key=lambda c: c.v)[0].v)
print(max([C(3), C(5), C(2)]).v)
print(C(1) == 1, 1 == C(1))
class R:
    def __gt__(self, o):
        return "R.__gt__"
print(1 < R(), R() > 1)
try:
    R() < 1
except TypeError as e:
    print("TypeError:", e)
class NoEq: pass
a = NoEq()
print(a == a, a == NoEq(), a != a)
class AlwaysNE:
    def __ne__(self, o): return "custom ne"
print(AlwaysNE() != 1, AlwaysNE() == 1)
class Base:
    def __eq__(self, o): return "Base.eq"
class Derived(Base):
    def __eq__(self, o): return "Derived.eq"
print(Base() == Derived(), Derived() == Base())
print([C(1)] == [C(1)], C(1) in [C(0), C(1)])
print((1, 2) == (1, 2.0), [1, [2, 3]] == [1, [2, 3]], {"a": [1]} == {"a": [1]})
