# Attribute lookup order: data descriptors, instance dict, non-data descriptors, class attrs.
class DataDesc:
    def __get__(self, obj, t=None): return "data descriptor"
    def __set__(self, obj, v): print("DataDesc.__set__", v)
class NonDataDesc:
    def __get__(self, obj, t=None): return "non-data descriptor"
class K:
    d = DataDesc()
    n = NonDataDesc()
    c = "class attribute"
    def method(self): return "method"
k = K()
k.__dict__.update(d="inst d", n="inst n", c="inst c", method="inst method")
print(k.d, k.n, k.c, k.method)
k.d = 5
print(K.d, K.n, K.c, K.method.__name__)
class Parent:
    x = "parent"
class Kid(Parent):
    pass
kid = Kid()
print(kid.x)
Parent.x = "changed parent"
print(kid.x)
Kid.x = "kid"
print(kid.x, Parent.x)
del Kid.x
print(kid.x)
print(getattr(K, "method")(k), type(K.__dict__["method"]).__name__, K.__dict__["c"])
class GA:
    def __getattr__(self, name):
        return f"getattr({name})"
ga = GA()
ga.real = 1
print(ga.real, ga.virtual, getattr(ga, "__len__", "dunder via getattr"))
