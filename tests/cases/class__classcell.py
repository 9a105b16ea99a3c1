# The __class__ cell is filled by type.__new__ (so __set_name__ and metaclass __new__
# see it), and __build_class__ checks that it was.
class Desc:
    def __set_name__(self, owner, name):
        print("set_name", name, owner.probe() is owner)

class A:
    d = Desc()
    @classmethod
    def probe(cls):
        return __class__
print(A.probe() is A)

class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        print("in Meta.__new__:", cls.f() is cls)
        return cls
class B(metaclass=Meta):
    def f(self=None):
        return __class__

class Dropper(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)
try:
    class C(metaclass=Dropper):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError", e)

for bad in (None, 0, ""):
    try:
        type("X", (), {"__classcell__": bad})
    except TypeError as e:
        print("TypeError", e)

class Swapper(type):
    def __new__(mcls, name, bases, ns):
        return type.__new__(mcls, name, bases, dict(ns, __classcell__=other_cell))
def make_cell():
    class Other:
        def f(self):
            return __class__
    return Other.f.__closure__[0]
other_cell = make_cell()
try:
    class D(metaclass=Swapper):
        def f(self):
            return __class__
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, e)
print(other_cell.cell_contents.__name__)
