# getattr, setattr, delattr, hasattr, vars, dir, callable, isinstance, issubclass, id.
class C:
    cls_attr = 1
    def __init__(self): self.a = 2
    def method(self): return "m"
c = C()
print(getattr(c, "a"), getattr(c, "cls_attr"), getattr(c, "zz", None), getattr(C, "method")(c), getattr(c, "method")())
setattr(c, "b", 3)
setattr(C, "added", "new")
print(c.b, c.added, hasattr(c, "b"), hasattr(c, "nope"), hasattr(C, "added"))
delattr(c, "b")
print(hasattr(c, "b"), vars(c), sorted(vars(C).keys() & {"cls_attr", "method", "added"}))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print([n for n in dir(c) if not n.startswith("_")], "__init__" in dir(C), dir(c) == sorted(dir(c)))
print(callable(c), callable(C), callable(c.method), callable(print), callable(None), callable(lambda: 0))
print(isinstance(c, C), isinstance(1, (str, (float, int))), isinstance(True, int), isinstance(None, type(None)), isinstance(C, type))
print(issubclass(C, object), issubclass(bool, (str, int)), issubclass(C, C), issubclass(int, float))
print(id(c) == id(c), id(c) != id(C()), type(id(c)).__name__, id(None) == id(None))
x = 5
print(vars()["x"], "x" in locals(), "C" in globals(), globals()["x"])
class Meta(type):
    def __instancecheck__(cls, inst): return inst == "magic"
    def __subclasscheck__(cls, sub): return sub is int
class Virtual(metaclass=Meta): pass
print(isinstance("magic", Virtual), isinstance("other", Virtual), issubclass(int, Virtual), issubclass(str, Virtual))
