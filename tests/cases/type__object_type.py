# object and type: introspection and dynamic creation.
o = object()
print(type(o), object.__class__, type(type), type.__class__, type(object).__name__)
print(isinstance(o, object), isinstance(type, object), isinstance(object, type), issubclass(type, type))
print(sorted(n for n in dir(object) if n in ("__eq__", "__hash__", "__repr__", "__init__", "__class__")))
print(object.__eq__(o, o), object.__ne__(o, 1), o.__eq__(1), object.__hash__(o) == hash(o))
T = type("T", (object,), {"x": 1, "f": lambda self: "f!"})
t = T()
print(T.__name__, T.x, t.f(), type(t) is T, T.__dict__["x"], T.__bases__)
print(type(1), type("s"), type(None), type(len), type(lambda: 0).__name__, type(print).__name__, type(T.f).__name__)
print(type(int.__add__).__name__, type((1).__add__).__name__, type(str.join).__name__, type(dict.fromkeys).__name__)
try:
    type("a", "b", "c")
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)
class A:
    pass
A.dynamic = lambda self: "added later"
print(A().dynamic(), A.__name__, A.__qualname__, A.__module__)
A.__name__ = "Renamed"
print(A.__name__, repr(A)[:8])
print(object.__subclasshook__(), object.__reduce_ex__ is not None, type.__name__, type.__mro__)
print(int.__dict__["__add__"].__name__, "__dict__" in dir(A), type(object.__doc__).__name__)
