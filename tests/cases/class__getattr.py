# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__.
class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.xyz, getattr(d, "xa"), hasattr(d, "y"), getattr(d, "y", "dflt"))
try:
    d.nope
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, v):
        print("setattr", name, v)
        object.__setattr__(self, name, v * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
l = Logged()
l.a = 5
print(l.a)
del l.a
try:
    l.a
except AttributeError as e:
    print("AttributeError:", e)
class Fallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback {name}"
print(Fallback().boom, Fallback().other)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, name):
        return getattr(self._t, name)
    def __setattr__(self, name, v):
        setattr(self._t, name, v)
class T: pass
t = T()
p = Proxy(t)
p.z = 3
print(t.z, p.z, sorted(vars(p)))
class WithDir:
    def __dir__(self): return ["b", "a", "c"]
print(dir(WithDir()))
class Slots:
    __slots__ = ("x", "y")
    def __init__(self): self.x = 1
s = Slots()
print(s.x, hasattr(s, "y"), hasattr(s, "__dict__"))
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.y
except AttributeError as e:
    print("AttributeError:", e)
