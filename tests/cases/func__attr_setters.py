# Writable function attributes: __code__, __dict__, and the type checks of the setters.
def f():
    return 1
def g():
    return 2
f.__code__ = g.__code__
print(f(), f.__name__)

def outer():
    x = 5
    def inner():
        return x
    return inner
try:
    f.__code__ = outer().__code__
except ValueError as e:
    print("ValueError", e)
for name, value in [("__code__", 1), ("__name__", 7), ("__qualname__", None), ("__defaults__", [1]),
                    ("__kwdefaults__", 3), ("__annotations__", "x"), ("__dict__", None)]:
    try:
        setattr(f, name, value)
    except TypeError as e:
        print(name, "TypeError", e)
for name in ("__dict__", "__name__", "__code__"):
    try:
        delattr(f, name)
    except TypeError as e:
        print("del", name, "TypeError", e)
f.__dict__ = {"known": 7}
print(f.known, "known" in dir(f))
del f.__defaults__
print(f.__defaults__)
f.__doc__ = "doc"
print(f.__doc__)

import types
class C:
    pass
m = types.MethodType(lambda self, y: (type(self).__name__, y), C())
print(m(3))
for args in [(1, C()), (len, None)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError", e)
print(types.MethodType(len, [1, 2])())
