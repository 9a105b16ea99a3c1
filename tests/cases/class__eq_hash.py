# __eq__/__hash__ interplay and use as dict/set keys.
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"K({self.v})"
s = {K(1), K(1), K(2)}
print(len(s), K(1) in s, K(3) in s)
d = {K("a"): 1}
d[K("a")] = 2
print(d, d[K("a")])
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError:", e)
class Plain: pass
p = Plain()
print(hash(p) == hash(p), {p: 1}[p], p == p)
class Inherit(K): pass
print(hash(Inherit(5)) == hash(5))
class Sub(K):
    def __eq__(self, o): return False
try:
    hash(Sub(1))
except TypeError as e:
    print("TypeError:", e)
class SubKeep(K):
    def __eq__(self, o): return False
    __hash__ = K.__hash__
print(hash(SubKeep(7)) == hash(7))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1.0, 2)), hash("a") == hash("a"))
print(hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(0.5), hash(-0.0), hash(10**100))
print(hash(float("inf")), hash(float("-inf")), hash(()), hash((1,)), hash((1, 2)), hash(frozenset()))
print(hash(1 + 0j) == hash(1), hash(2j), hash(1.5 + 2j), hash(frozenset({1, 2, 3})))
class Counter:
    n = 0
    def __init__(self, v): self.v = v
    def __hash__(self):
        Counter.n += 1
        return 1
    def __eq__(self, o):
        return self.v == o.v
dd = {Counter(i): i for i in range(5)}
print(len(dd), dd[Counter(3)], Counter.n)
