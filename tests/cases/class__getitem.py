# __getitem__/__setitem__/__delitem__ with ints, slices, tuples; __class_getitem__.
class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, key):
        print("get", key)
        return self.d.get(str(key), 0)
    def __setitem__(self, key, v):
        print("set", key, v)
        self.d[str(key)] = v
    def __delitem__(self, key):
        print("del", key)
        del self.d[str(key)]
g = Grid()
g[1, 2] = 5
g[1, 2] += 1
print(g[1, 2], g[3])
del g[1, 2]
g[1:2] = "s"
g[::2]
g[1:2, ...]
try:
    del g["missing"]
except KeyError as e:
    print("KeyError:", e)
class Seq:
    def __len__(self): return 4
    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("Seq index out of range")
        return i * 10
s = Seq()
print(s[0], s[-1], s[1:3], s[::-1], list(s))
try:
    s[9]
except IndexError as e:
    print("IndexError:", e)
class Gen:
    def __class_getitem__(cls, item):
        return f"Gen[{item.__name__}]"
print(Gen[int], list[int], dict[str, int])
class NoItem: pass
try:
    NoItem()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    NoItem()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    n = 5
    n[0]
except TypeError as e:
    print("TypeError:", e)
