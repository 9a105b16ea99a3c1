# find/count/split/replace/partition/in with one-byte, multi-byte and non-ASCII needles,
# overlapping candidates, windows and limits.
samples = ["a,b,,c,", ",", "", "aaaa", "aaa", "héllo wörld héllo", "日本語,日本,語", "x--y--z---w", "abcabcab"]
needles = [",", "a", "aa", "--", "é", "日本", "héllo", "abc", "zzz", "b"]
for s in samples:
    for n in needles:
        print(repr(s), repr(n), s.count(n), s.find(n), s.rfind(n), n in s,
              s.split(n), s.rsplit(n), s.split(n, 1), s.rsplit(n, 1), s.split(n, 0),
              s.replace(n, "<>"), s.replace(n, "", 1), s.partition(n), s.rpartition(n))
s = "héllo wörld héllo"
print(s.find("l", 3), s.find("l", 3, 4), s.rfind("l", 0, 5), s.count("l", 2, -2), s.find("o", -3))
print(s.index("wö"), s.rindex("é"), "".find(""), "abc".find("", 2), "abc".rfind(""), "abc".count(""), "é".count(""))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError", e)
print("ab".replace("", "-"), "ab".replace("", "-", 2), "a.b.c".split(".", -1), "a.b.c".rsplit(".", -5))
for bad in ["", None]:
    try:
        print("a b".split(bad))
    except ValueError as e:
        print("ValueError", e)
