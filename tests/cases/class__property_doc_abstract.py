# property: writable __doc__, the getter's doc through getter()/setter(), subclass docs,
# __isabstractmethod__, __set_name__ arity; classmethod wrapping a property; abc helpers.
import abc
class A:
    @property
    def x(self):
        "x doc"
        return 1
    @x.setter
    def x(self, v):
        pass
print(A.x.__doc__)
A.x.__doc__ = "changed"
print(A.x.__doc__)
p = property(doc="explicit")
print(p.getter(lambda s: 0).__doc__)
def g(self):
    "getter doc"
q = property(g)
def g2(self):
    "new getter doc"
print(q.getter(g2).__doc__, q.setter(None).__doc__)

class Sub(property):
    "Sub class doc"
class B:
    @Sub
    def y(self):
        "y doc"
        return 2
    @y.getter
    def y(self):
        "replaced doc"
        return 3
print(type(B.__dict__["y"]).__name__, B.__dict__["y"].__doc__, B().y)

class Slotted(property):
    __slots__ = ()
try:
    Slotted(g)
except AttributeError:
    print("AttributeError for slotted subclass")

print(property().__isabstractmethod__, property(abc.abstractmethod(lambda s: 0)).__isabstractmethod__)
try:
    property().__set_name__(1)
except TypeError as e:
    print("TypeError", e)

class C:
    @classmethod
    @property
    def __doc__(cls):
        return "doc of " + cls.__name__
print(C.__doc__)

class Abstract(abc.ABC):
    @abc.abstractclassmethod
    def cm(cls): ...
    @abc.abstractstaticmethod
    def sm(): ...
    @abc.abstractproperty
    def ap(self): ...
print(sorted(Abstract.__abstractmethods__))
print(classmethod(abc.abstractmethod(lambda c: 0)).__isabstractmethod__, staticmethod(len).__isabstractmethod__)
for args in [(), (1, 2)]:
    try:
        classmethod(*args)
    except TypeError as e:
        print("TypeError", e)
