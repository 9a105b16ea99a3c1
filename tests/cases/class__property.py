# property with getter/setter/deleter.
class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        "Fahrenheit degrees."
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
print(type(Temp.celsius).__name__, Temp.fahrenheit.__doc__)
class Old:
    def _get(self): return "got"
    def _set(self, v): print("set", v)
    x = property(_get, _set, None, "x doc")
o = Old()
o.x = 5
print(o.x, Old.x.__doc__, Old.x.fget is Old._get)
try:
    del o.x
except AttributeError as e:
    print("AttributeError:", e)
class Lazy:
    calls = 0
    @property
    def value(self):
        Lazy.calls += 1
        return 42
l = Lazy()
print(l.value, l.value, Lazy.calls)
