# if / elif / else and conditional expressions.
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-5, 0, 3, 10, 10**20)])
for v in [0, 1, "", "a", [], [0], None, 0.0, float("nan"), {}, range(0), range(1)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
x = 3
if x > 2:
    if x > 5:
        print("x>5")
    else:
        print("2<x<=5")
if not x: pass
else: print("else branch")
print("a" if x else "b", "c" if x > 10 else "d" if x > 1 else "e")
class B:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
if B(True) and B(False):
    print("no")
else:
    print("yes")
class L:
    def __len__(self): return 0
print("L truthy" if L() else "L falsy")
