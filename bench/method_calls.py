"""Method calls and attribute access on small objects."""
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def dot(self, o):
        return self.x * o.x + self.y * o.y
    def scale(self, k):
        return Vec(self.x * k, self.y * k)

class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self
    def value(self):
        return self.n

class Shape:
    def area(self):
        return 0
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

acc = Vec(0, 0)
step = Vec(1, 2)
c = Counter()
total = 0
shapes = [Sq(3), Rect(2, 5), Shape(), Sq(1)]
for i in range(450_000):
    acc = acc.add(step.scale(i & 3))
    total += acc.dot(step) & 0xFFFF
    c.inc().inc(2)
    total += shapes[i & 3].area()
print(acc.x, acc.y, total, c.value())
