# __slots__ with inheritance, __dict__ and defaults.
class Base:
    __slots__ = ("a",)
class Child(Base):
    __slots__ = ("b",)
class Loose(Base):
    pass
c = Child()
c.a, c.b = 1, 2
print(c.a, c.b, hasattr(c, "__dict__"), Child.__slots__, sorted(Base.__dict__.keys() & {"a", "__slots__"}))
try:
    c.z = 3
except AttributeError as e:
    print("AttributeError:", e)
l = Loose()
l.a = 1
l.z = 2
print(l.a, l.z, l.__dict__)
class WithDict:
    __slots__ = ("x", "__dict__")
w = WithDict()
w.x = 1
w.y = 2
print(w.x, w.__dict__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print("ValueError:", e)
print(type(Base.a).__name__)
try:
    Base().a
except AttributeError as e:
    print("AttributeError:", e)
