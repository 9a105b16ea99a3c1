# object.__dir__, type.__dir__ and module.__dir__ exist and are what dir() calls.
class A:
    x = 1
    def m(self):
        pass
class B(A):
    y = 2
b = B()
b.z = 3
print(sorted(object.__dir__(b)) == sorted(set(dir(B)) | {"z"}))
print([n for n in dir(b) if not n.startswith("__")])
print([n for n in type.__dir__(B) if not n.startswith("__")])
class WithDir:
    def __dir__(self):
        return ["b", "a"] + super().__dir__()[:0]
print(dir(WithDir()))
import types
m = types.ModuleType("mod")
m.q = 1
print(sorted(m.__dir__()))
m.__dir__ = lambda: ["custom"]
print(dir(m))
print("__dir__" in dir(object), object.__dir__ is not type.__dir__)
