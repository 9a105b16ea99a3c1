# Class definition, instances, class vs instance attributes.
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, Point.__doc__, Point.__name__, Point.__qualname__)
p.dims = 3
print(p.dims, Point.dims, sorted(vars(p)))
Point.dims = 5
print(Point(0, 0).dims, p.dims)
print(type(p) is Point, isinstance(p, Point), isinstance(p, object), type(Point), Point.__module__)
print(Point.__bases__, Point.__mro__)
class Empty: pass
e = Empty()
e.anything = 1
print(e.anything, e.__dict__, Empty.__bases__)
print(hasattr(e, "anything"), hasattr(e, "nothing"), getattr(e, "nothing", "dflt"))
del e.anything
print(hasattr(e, "anything"))
try:
    e.anything
except AttributeError as ex:
    print("AttributeError:", ex)
try:
    Point.nope
except AttributeError as ex:
    print("AttributeError:", ex)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
for _ in range(3):
    Counter()
print(Counter.instances)
print(Point.norm2(p), "norm2" in Point.__dict__, "x" in Point.__dict__)
