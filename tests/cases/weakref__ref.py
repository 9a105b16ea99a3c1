import _weakref
class A:
    pass
a = A()
r = _weakref.ref(a)
print(r() is a, _weakref.ref(a) is r, _weakref.getweakrefcount(a))
print(type(r), r == _weakref.ref(a), hash(r) == hash(a))
def cb(ref):
    pass
r2 = _weakref.ref(a, cb)
print(r2 is r, _weakref.getweakrefcount(a), r2.__callback__ is cb, len(_weakref.getweakrefs(a)))
b = A()
print(_weakref.ref(b) == r, _weakref.ref(b) != r)
del a
print(r(), r2())
for x in [1, "s", (1,), [1], {}, None]:
    try:
        _weakref.ref(x)
    except TypeError as e:
        print(e)
class K(_weakref.ref):
    __slots__ = ("key",)
    def __new__(type, ob, callback, key):
        self = _weakref.ref.__new__(type, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
k = K(b, None, 5)
print(k.key, k() is b, isinstance(k, _weakref.ref), k is _weakref.ref(b))
p = _weakref.proxy(b)
b.x = 3
print(p.x, type(p).__name__)
p.y = 4
print(b.y)
d = {"k": _weakref.ref(A())}
_weakref._remove_dead_weakref(d, "k")
print(d)
