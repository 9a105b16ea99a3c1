# Unpacking in comprehensions, swaps of attributes/items, rotations, and evaluation order of targets.
pairs = [(1, "a"), (2, "b")]
print([f"{n}{c}" for n, c in pairs], {c: n for n, c in pairs}, [t for *_, t in [(1, 2, 3), (4, 5)]])
a = [1, 2, 3]
a[0], a[2] = a[2], a[0]
print(a)
i = 0
i, a[i] = 1, 99
print(i, a)
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
class P:
    def __init__(self): self.l, self.r = "L", "R"
p = P()
p.l, p.r = p.r, p.l
print(p.l, p.r)
d = {"k": 1, "j": 2}
d["k"], d["j"] = d["j"], d["k"]
print(d)
rot = [1, 2, 3, 4]
first, *rest = rot
rot = [*rest, first]
print(rot)
matrix = [(1, 2, 3), (4, 5, 6)]
print([[a + b for a, b in zip(r1, r2)] for r1, r2 in [matrix]], list(zip(*matrix)))
