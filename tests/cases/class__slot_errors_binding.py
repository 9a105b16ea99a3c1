# Storing an attribute that only exists on the class of a dict-less instance is
# "read-only"; a comparison method that fails to bind counts as NotImplemented.
class A:
    __slots__ = ("x",)
    y = 1
a = A()
for name in ("y", "z"):
    try:
        setattr(a, name, 5)
    except AttributeError as e:
        print("AttributeError", e)
try:
    object().foo = 1
except AttributeError as e:
    print("AttributeError", e)

def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
e1, e2 = E(), E()
print(e1 == e2, e1 == e1, e1 != e2)
class P:
    a = property(booh)
try:
    P().a
except AttributeError as e:
    print("AttributeError", e)
