# object, type, super, property, classmethod, staticmethod, slice, __build_class__, __import__.
print(object, type(object()), type(type), super, property, classmethod, staticmethod, slice)
ns_called = []
def fake_body():
    ns_called.append(True)
    y = "from build_class"
K = __build_class__(fake_body, "K")
print(K.__name__, hasattr(K, "y"), ns_called, type(K))
K2 = __build_class__(fake_body, "K2", K)
print(K2.__bases__[0].__name__, K2.__mro__)
m = __import__("math")
print(m.sqrt(16), m.__name__, __import__("sys").__name__)
s = slice(1, 10, 2)
print(s, s.indices(5), list(range(10))[s], slice(None, -1).indices(4))
p = property(lambda self: 5)
class H:
    v = p
print(H().v, isinstance(p, property), type(staticmethod(len)).__name__)
sm = staticmethod(abs)
print(sm(-3) if callable(sm) else sm.__func__(-3))
print(type.__call__(int, "5"), object.__new__(H).__class__.__name__, type(super(H, H())).__name__)
