# __repr__, __str__, __format__ and how builtins use them.
class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"P({self.x!r})"
    def __str__(self): return f"<P {self.x}>"
p = P("a")
print(p, repr(p), str(p), [p], (p,), {"k": p}, f"{p}", f"{p!r}", f"{p!s}", "%s %r" % (p, p))
class OnlyRepr:
    def __repr__(self): return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), format(OnlyRepr()))
class Fmt:
    def __format__(self, spec): return f"Fmt[{spec}]"
print(format(Fmt(), "xyz"), f"{Fmt():>10}", "{0:abc}".format(Fmt()))
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
try:
    format(P(1), "d")
except TypeError as e:
    print("TypeError:", e)
class Rec:
    def __init__(self): self.me = [self]
    def __repr__(self): return f"Rec({self.me!r})"
l = [1]
l.append(l)
d = {}
d["self"] = d
print(l, d)
class Uni:
    def __repr__(self): return "Üñí"
print(repr(Uni()), ascii(Uni()), [Uni()])
print(str(b"x"), str(1.0), repr("x"), str(None), repr(type))
