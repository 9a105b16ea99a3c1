# Data/non-data descriptors, __set_name__, __init_subclass__.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __init__(self, kind): self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, v):
        if not isinstance(v, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, v)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, n, a):
        self.name, self.age = n, a
p = Person("ann", 30)
print(p.name, p.age, type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
class NonData:
    def __get__(self, obj, t=None): return "from descriptor"
class H:
    attr = NonData()
h = H()
print(h.attr)
h.__dict__["attr"] = "from instance"
print(h.attr, H.attr)
class Base:
    subclasses = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.subclasses.append(cls.__name__)
class A(Base, tag="a"): pass
class B(A): pass
print(A.tag, B.tag, Base.subclasses)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(self, v): self.v = v
w = WithMeta(5)
print(w.v, WithMeta.created_by, type(WithMeta).__name__, isinstance(WithMeta, Meta))
class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": 1}
class O(metaclass=Ordered):
    x = 1
print(O.injected, O.x)
Dyn = type("Dyn", (A,), {"m": lambda self: "dyn m", "k": 5})
print(Dyn().m(), Dyn.k, Dyn.__mro__[1].__name__, Dyn.tag, Base.subclasses)
