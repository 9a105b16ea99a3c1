# Class __annotations__ (own dict only, created lazily, deletable once); __set_name__
# errors wrapped in RuntimeError; classmethod/staticmethod forward __annotations__;
# too-many-positional messages mention keyword-only arguments given.
class C:
    pass
print(C.__annotations__, "__annotations__" in C.__dict__)
C.__annotations__ = {"a": 1}
print(C.__annotations__)
del C.__annotations__
try:
    del C.__annotations__
except AttributeError as e:
    print("AttributeError", e)
try:
    int.__annotations__
except AttributeError as e:
    print("AttributeError", e)
class A:
    x: int
class B(A):
    pass
print(A.__annotations__, B.__annotations__)

class D:
    def __set_name__(self, owner, name):
        1 / 0
try:
    class X:
        attr = D()
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
class Wrong:
    def __set_name__(self):
        pass
try:
    class Y:
        w = Wrong()
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

def f(a: int, b: str = "") -> None:
    pass
print(classmethod(f).__annotations__, staticmethod(f).__annotations__ is f.__annotations__)

def g(a, b, /, c, *, d, e):
    pass
def h(a, b=1):
    pass
for call in (lambda: g(1, 2, 3, 4, d=1, e=2), lambda: g(1, 2, 3, 4, 5, 6, d=1), lambda: h(1, 2, 3), lambda: h(1, 2, 3, 4)):
    try:
        call()
    except TypeError as e:
        print("TypeError", str(e).split("<locals>.")[-1])
