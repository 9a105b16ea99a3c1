# Class bodies, name mangling, nested classes, object protocol.
class A:
    __private = "mangled"
    def get(self):
        return self.__private
    def _A__direct(self):
        return "direct"
print(A().get(), A._A__private, A().__direct() if False else A()._A__direct())
print([n for n in vars(A) if "private" in n])
class Outer:
    class Inner:
        v = 1
    x = [Inner.v]
print(Outer.Inner.v, Outer.x, Outer.Inner.__qualname__)
class Body:
    print("class body runs")
    items = [i for i in range(3)]
    total = sum(items)
    del items
print(Body.total, hasattr(Body, "items"))
o = object()
print(type(o).__name__, object.__name__, object.__bases__, object.__base__, type.__base__)
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
class C:
    def __init__(self):
        self.a, self.b = 1, 2
c = C()
print(c.__dict__, vars(c) is c.__dict__, c.__class__.__name__, C.__dict__["__init__"].__name__)
c.__class__ = type("D", (), {"hello": lambda self: "now D"})
print(c.hello(), type(c).__name__)
print(isinstance(int, type), type(type), type(object), type(int).__name__)
class Sized:
    def __len__(self): return 3
print(len(Sized()), bool(Sized()))
print(int.__name__, int.__qualname__, str.__mro__, bool.__mro__)
print(sorted(k for k in dir(C()) if not k.startswith("__")))
