# slice objects: indices(), attributes, equality, use with custom classes.
for s in [slice(None), slice(2), slice(1, 8, 2), slice(-3, None), slice(None, None, -1), slice(10, -10, -3), slice(-100, 100)]:
    print(s, [s.indices(n) for n in (0, 1, 5, 12)])
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
try:
    slice(0, 5).indices(-1)
except ValueError as e:
    print("ValueError:", e)
print(slice(1, 2, 3) == slice(1, 2, 3), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3))
class Show:
    def __getitem__(self, k):
        return k
sh = Show()
print(sh[1:2], sh[::], sh[:5:], sh[1:2, 3], sh[..., 1:], sh[::-1], sh["a":"b"], sh[None:None])
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print("abcdef"[I(1):I(4)], [0, 1, 2, 3][I(-2):], slice(I(1), I(3)).indices(10))
