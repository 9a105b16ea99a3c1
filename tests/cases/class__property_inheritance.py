# Properties overridden and extended in subclasses; class-level access; cached-style patterns.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x
class Doubled(Base):
    @Base.v.getter
    def v(self):
        return self._v * 2
class ReadOnly(Base):
    @property
    def v(self):
        return "read-only " + str(self._v)
d = Doubled()
d.v = 5
print(d.v, d._v, isinstance(Doubled.v, property), Doubled.v.fset is Base.v.fset)
r = ReadOnly()
try:
    r.v = 3
except AttributeError as e:
    print("AttributeError:", e)
print(r.v)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def expensive(self):
        if "_cache" not in self.__dict__:
            self.computed += 1
            self._cache = sum(range(1000))
        return self._cache
l = Lazy()
print(l.expensive, l.expensive, l.computed)
class WithDoc:
    @property
    def x(self):
        "The x property."
        return 1
print(WithDoc.x.__doc__, WithDoc().x, type(WithDoc.__dict__["x"]).__name__)
