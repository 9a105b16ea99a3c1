class A:
    def __init__(self, x):
        self.x = x
class B(A):
    pass
class C:
    def __init__(self):
        return 5
class D:
    __slots__ = ()
print(A(1).x, B(2).x)
try:
    C()
except TypeError as e:
    print(e)
try:
    A()
except TypeError as e:
    print(e)
try:
    A(1, 2)
except TypeError as e:
    print(e)
try:
    D(1)
except TypeError as e:
    print(e)
class E:
    def __init__(self, *a, **k):
        self.a = a; self.k = k
e = E(1, 2, z=3)
print(e.a, e.k)
import math
print(math.sqrt(4), math.pi)
class F:
    y = 3
    def m(self): return 1
f = F()
print(f.y, f.m())
f.m = lambda: 2
print(f.m())
f.y = 7
print(f.y, F.y)
del f.y
print(f.y)
def gen_init():
    class G:
        def __init__(self):
            yield 1
    try:
        G()
    except TypeError as e:
        print(e)
gen_init()
C2 = type("C2", (A,), {})
print(C2(5).x)
