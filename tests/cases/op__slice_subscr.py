# seq[a:b:c] on lists, tuples and strs with every kind of bound (the interpreter takes
# int/None bounds on exact types without building a slice object).
data = [list(range(10)), tuple(range(7)), "abcdefghij", "héllo wörld", "", [], ()]
bounds = [None, 0, 1, 3, -1, -3, 100, -100]
steps = [None, 1, 2, -1, -2, 3, -4]
for seq in data:
    out = []
    for a in bounds:
        for b in bounds:
            out.append(seq[a:b])
            for c in steps:
                out.append(seq[a:b:c])
    print(type(seq).__name__, len(out), out[:12], out[-6:], sum(len(x) for x in out))
t = (1, 2, 3)
print(t[:] is t, t[0:3] is t, t[::1] is t, t[::-1])
class L(list):
    pass
class S(str):
    pass
print(type(L([1, 2, 3])[1:]).__name__, type(S("abc")[1:]).__name__)
print([1, 2, 3][True:], "abc"[False:2], (1, 2, 3)[10**30:], [1, 2][-(10**30):])
class I:
    def __index__(self):
        return 1
print([5, 6, 7][I():], "xyz"[:I()])
for bad in [lambda: [1][::0], lambda: "a"[1.0:], lambda: (1,)["a":]]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
