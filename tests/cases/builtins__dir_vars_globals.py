# dir(), vars(), globals(), locals() contents.
a_global = 1
def f(x, y=2):
    z = x + y
    loc = locals()
    return sorted(loc), loc["z"]
print(f(1))
print(sorted(k for k in globals() if not k.startswith("__")), globals()["a_global"], "__name__" in globals())
class C:
    cls_v = 1
    def m(self): pass
c = C()
c.inst = 2
print(vars(c), sorted(k for k in vars(C) if not k.startswith("__")), [n for n in dir(c) if not n.startswith("__")])
print(sorted(dir([]))[-5:], "append" in dir(list), "__len__" in dir("x"), dir(None)[:3])
def closure():
    outer = 1
    def inner():
        return outer, sorted(locals())
    return inner()
print(closure())
g = globals()
g["made_via_globals"] = "yes"
print(made_via_globals)
print(sorted(dir())[:3] == sorted(k for k in globals())[:3], type(vars()).__name__)
class WithSlots:
    __slots__ = ("a",)
try:
    vars(WithSlots())
except TypeError as e:
    print("TypeError:", e)
