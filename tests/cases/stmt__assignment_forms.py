# Assignment statement forms: chained, annotated, augmented, targets of every kind.
a = b = c = [1]
b.append(2)
print(a, c, a is c)
x: int = 5
y: "list[int]"
print(x, "y" in dir(), __annotations__)
class C:
    attr: int = 3
    other: str
print(C.attr, C.__annotations__, hasattr(C, "other"))
d = {}
d["k"] = d["j"] = 0
print(d)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
s = t = "immutable"
s += "!"
print(s, t)
n = 2**100
n //= 2**99
print(n)
(p), [q] = 1, [2]
print(p, q)
obj = type("O", (), {})()
obj.a = obj.b = "both"
print(obj.a, obj.b)
