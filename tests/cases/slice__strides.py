# Extended slices with large and negative steps on lists, tuples, strings, bytes and ranges.
seqs = [list(range(12)), tuple("abcdefghijkl"), "abcdefghijkl", bytes(range(97, 109)), range(100, 112)]
specs = [(None, None, 3), (None, None, -3), (10, 2, -2), (2, 10, 2), (-1, -12, -4), (-100, 100, 5), (11, None, -5), (None, 0, -1), (5, 5, 1), (0, 12, 100)]
for s in seqs:
    out = []
    for a, b, c in specs:
        v = s[a:b:c]
        out.append(list(v) if isinstance(v, range) else v)
    print(type(s).__name__, out)
l = list(range(12))
l[::3] = "ABCD"
l[-1::-5] = [None] * 3
print(l)
del l[1::4]
print(l)
s = "0123456789"
print(s[::2] + s[1::2], s[-2::-2], s[len(s)::-1], s[:-len(s) - 1:-1])
