class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ()
class C(A):
    __slots__ = ()
class D(B, C):
    pass
print(D.__mro__ is not None, hasattr(D(), "__dict__"))
class E:
    __slots__ = ("e",)
try:
    class F(A, E):
        pass
except TypeError as e:
    print(e)
class G(B):
    __slots__ = ("g",)
try:
    class H(G, C):
        pass
    print("H ok")
except TypeError as e:
    print(e)
import pathlib
print(pathlib.PurePosixPath("/a/b").name)
