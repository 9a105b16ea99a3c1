# types.MethodType construction (deepcopy of bound methods) and the length hint that
# list(), list.extend and bytearray.extend take first (its errors propagate).
import types, copy
class Foo:
    def m(self): return 1
f = Foo(); f.b = f.m
g = copy.deepcopy(f)
print(g.b.__self__ is g, g.m == g.b, types.MethodType(len, 3).__self__)
class BadLen:
    def __iter__(self): return iter(range(10))
    def __len__(self): raise RuntimeError('hello')
class NoneHint:
    def __iter__(self): return iter(range(3))
    def __length_hint__(self): return NotImplemented
for f in (list, [].extend, bytearray().extend):
    try:
        f(BadLen())
    except RuntimeError as e:
        print("RuntimeError", e)
print(list(NoneHint()))
try:
    types.MethodType(1, 2)
except TypeError as e:
    print(e)
