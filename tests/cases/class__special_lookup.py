# Special methods are looked up on the type, not the instance.
class C:
    def __len__(self):
        return 1
    def __repr__(self):
        return "C-repr"
c = C()
c.__len__ = lambda: 99
c.__repr__ = lambda: "instance-repr"
print(len(c), repr(c), c.__len__(), c.__repr__())
class D:
    pass
d = D()
d.__iter__ = lambda: iter([1])
try:
    iter(d)
except TypeError as e:
    print("TypeError:", e)
D.__iter__ = lambda self: iter([1, 2])
print(list(d))
D.__add__ = lambda self, o: "added"
print(d + 1)
del D.__add__
try:
    d + 1
except TypeError as e:
    print("TypeError:", e)
class Meta(type):
    def __len__(cls):
        return 42
    def __getitem__(cls, k):
        return f"Meta[{k}]"
class WithMeta(metaclass=Meta):
    def __len__(self):
        return 7
print(len(WithMeta), len(WithMeta()), WithMeta["x"])
class CallAttr:
    pass
ca = CallAttr()
ca.__call__ = lambda: "nope"
print(callable(ca))
