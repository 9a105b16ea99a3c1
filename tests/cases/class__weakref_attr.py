# Classes get a __weakref__ descriptor unless __slots__ leaves it out or the base's
# layout has none; it reads the first weak reference or None.
import weakref
class A:
    pass
a = A()
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r)
print([k for k in A.__dict__ if not k.startswith("__m")])
class S:
    __slots__ = ("x",)
class SW:
    __slots__ = ("x", "__weakref__")
print(hasattr(S(), "__weakref__"), hasattr(SW(), "__weakref__"), "__weakref__" in SW.__dict__)
for base in (int, tuple, bytes, str, list, dict, float, object, Exception, type, set, frozenset):
    C = type("C", (base,), {})
    print(base.__name__, "__weakref__" in C.__dict__, hasattr(C, "__weakref__"))
class Sub(A):
    pass
print("__weakref__" in Sub.__dict__)
try:
    a.__weakref__ = 1
except AttributeError as e:
    print("AttributeError", e)
