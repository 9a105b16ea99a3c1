# Assigning __bases__: the MRO of the class and its subclasses follows, methods resolve
# through the new bases, and bad values are refused with CPython's messages.
from typing import NamedTuple

class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
    def only_b(self):
        return "only B"
class C(A):
    pass
class D(C):
    pass

d = D()
print(d.who(), [k.__name__ for k in D.__mro__])
C.__bases__ = (B,)
print(d.who(), d.only_b(), [k.__name__ for k in D.__mro__], C.__bases__ == (B,))
print(issubclass(D, B), issubclass(D, A), isinstance(d, B), [k.__name__ for k in B.__subclasses__()], A.__subclasses__())
C.__bases__ = (A, B)
print(d.who(), [k.__name__ for k in C.__mro__])

for bad in [5, (), (D,), (C,), (int,), (A, A), ("x",)]:
    try:
        C.__bases__ = bad
        print("assigned", bad)
    except TypeError as e:
        print("TypeError", e)
print([k.__name__ for k in C.__mro__])
try:
    del C.__bases__
except TypeError as e:
    print("TypeError", e)
try:
    C.__mro__ = ()
except AttributeError as e:
    print("AttributeError", e)

class P(NamedTuple):
    x: int
    y: int = 2
print(P(1), P.__bases__, P.__mro__)
