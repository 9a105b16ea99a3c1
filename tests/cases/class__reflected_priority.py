# Reflected operators: subclass priority, NotImplemented fallbacks, comparison reflection.
class Base:
    def __init__(self, tag): self.tag = tag
    def __add__(self, o): return f"{self.tag}.__add__"
    def __radd__(self, o): return f"{self.tag}.__radd__"
    def __lt__(self, o): return f"{self.tag}.__lt__"
    def __gt__(self, o): return f"{self.tag}.__gt__"
class Sub(Base):
    def __radd__(self, o): return f"{self.tag}.Sub.__radd__"
    def __gt__(self, o): return f"{self.tag}.Sub.__gt__"
b, s = Base("b"), Sub("s")
print(b + s, s + b, b + 1, 1 + b, b < s, s < b, b < 1, 1 < b)
class Refuses:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
    def __eq__(self, o): return NotImplemented
try:
    Refuses() + Refuses()
except TypeError as e:
    print("TypeError:", e)
r = Refuses()
print(r == r, r == Refuses(), r != Refuses())
class OnlyR:
    def __rmul__(self, o): return f"rmul with {o!r}"
    def __rsub__(self, o): return f"rsub with {o!r}"
print(3 * OnlyR(), "ab" * OnlyR() if False else [1] * 0, 2.5 - OnlyR())
class IntLike(int):
    def __add__(self, o): return "IntLike.__add__"
    def __radd__(self, o): return "IntLike.__radd__"
print(1 + IntLike(2), IntLike(2) + 1, True + IntLike(0))
