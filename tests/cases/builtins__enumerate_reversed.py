# enumerate and reversed in detail.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("abc", start=-2)), list(enumerate([], 5)))
print(list(enumerate(range(3), 10**20)), type(enumerate([])).__name__)
e = enumerate(iter("xy"))
print(next(e), next(e), next(e, "end"))
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
print(list(reversed([1, 2, 3])), list(reversed((1,))), list(reversed("")), "".join(reversed("abc")), list(reversed(range(0, 10, 3))))
print(list(reversed({"a": 1, "b": 2, "c": 3})), list(reversed({"a": 1}.items())), list(reversed({"a": 1, "b": 2}.values())))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r), list(r))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "s%d" % i
print(list(reversed(Seq())), list(enumerate(Seq())))
try:
    reversed(iter([1]))
except TypeError as e:
    print("TypeError:", e)
try:
    enumerate(5)
except TypeError as e:
    print("TypeError:", e)
