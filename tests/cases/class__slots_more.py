# __slots__ details: name mangling, sorting, deletion, layout conflicts, bad slot lists.
class P:
    __slots__ = ("__secret", "b", "a")
    def __init__(self):
        self.__secret = 1
p = P()
p.a = 2
print(sorted(k for k in P.__dict__ if not k.startswith("__")), p._P__secret, repr(P.a), P.a.__name__, P.a.__objclass__.__name__)
del p.a
try:
    p.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    P.a.__get__(5)
except TypeError as e:
    print("TypeError:", e)
class One:
    __slots__ = "only"
print(One.__slots__, One().__class__.__name__, hasattr(One(), "__dict__"))
class X:
    __slots__ = ("x",)
class Y:
    __slots__ = ("y",)
try:
    class XY(X, Y): pass
except TypeError as e:
    print("TypeError:", e)
class Empty:
    __slots__ = ()
class XE(X, Empty):
    __slots__ = ("e",)
xe = XE()
xe.x, xe.e = 1, 2
print(xe.x, xe.e)
for bad in [(1,), ("not an id",), ("__dict__", "__dict__")]:
    try:
        class B:
            __slots__ = bad
    except TypeError as e:
        print("TypeError:", e)
class D:
    pass
try:
    class DD(D):
        __slots__ = ("__dict__",)
except TypeError as e:
    print("TypeError:", e)
class Tup(tuple):
    __slots__ = ()
t = Tup((1, 2))
print(t, hasattr(t, "__dict__"))
try:
    t.z = 1
except AttributeError as e:
    print("AttributeError:", e)
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("b",)
try:
    S1().__class__ = S2
except TypeError as e:
    print("TypeError:", e)
