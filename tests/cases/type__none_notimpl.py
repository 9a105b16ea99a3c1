# NoneType, NotImplemented and Ellipsis behaviour.
print(type(None)(), type(None) is type(None), None.__class__.__name__, None.__bool__(), repr(None), str(None))
print(None == None, None != 0, None is not False, [None] * 2, {None: None}, hash(None) == hash(None))
try:
    None.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    nothing_here = None
    nothing_here()
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    None < None
except TypeError as e:
    print("TypeError:", e)
print(NotImplemented, type(NotImplemented).__name__, (1).__eq__("a"), (1).__lt__("a"), (1.5).__add__("a"))
print(Ellipsis, ..., type(...)(), ... is Ellipsis, str(...), [...], (...,))
def nothing():
    pass
def bare_return():
    return
print(nothing(), bare_return(), nothing() is None, print() is None)
