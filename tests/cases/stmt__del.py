# del on names, attributes, items, slices.
a = 1
del a
try:
    a
except NameError as e:
    print("NameError:", e)
l = [0, 1, 2, 3, 4]
del l[0], l[-1]
print(l)
del l[1:]
print(l)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class O: pass
o = O()
o.x = 1
del o.x
print(hasattr(o, "x"))
try:
    del o.x
except AttributeError as e:
    print("AttributeError:", e)
x, y = 1, 2
del x, y
print("x" in globals(), "y" in globals())
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
nested = {"k": [1, {"z": 2}]}
del nested["k"][1]["z"]
print(nested)
try:
    del undefined_thing
except NameError as e:
    print("NameError:", e)
for i in range(2):
    pass
del i
print("i" in dir())
