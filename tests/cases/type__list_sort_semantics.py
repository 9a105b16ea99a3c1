print(sorted([3, 1, 2, -5, 10**20, 7]))
print(sorted([3.5, -0.0, 0.0, 1e300, -1e300, 2]))
print(sorted([0.0, -0.0]), sorted([-0.0, 0.0]))
print(sorted(["b", "a", "é", "z", "ä", "A", "", "€", "😀"]))
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), (), (0, "a", 1)]))
print(sorted([(1.5, 2), (1, 3), (1.0, 1)]))
print(sorted(["aa", "b", "ccc", "dd", "e"], key=len))
print(sorted(["aa", "b", "ccc", "dd", "e"], key=len, reverse=True))
print(sorted([5, 3, 5, 1], reverse=True))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    sorted([(1, 2), (1, "a")])
except TypeError as e:
    print(e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 99: raise ValueError("bad")
        return self.v < o.v
    def __repr__(self): return f"K({self.v})"
print(sorted([K(3), K(1), K(2)]))
l = [K(3), K(1), K(99), K(2)] + [K(i) for i in range(40)]
try:
    l.sort()
except ValueError as e:
    print("ValueError", e, len(l))
nan = float("nan")
print(sorted([3, nan, 1]) [1] != sorted([3, nan, 1])[1] or True)
def lcg(seed, n):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(seed % 1000)
    return out
data = lcg(5, 3000)
pairs = [(x % 10, x) for x in data]
print(sorted(pairs)[:5], sorted(pairs)[-5:])
recs = [(x % 7, i) for i, x in enumerate(data)]
s = sorted(recs, key=lambda r: r[0])
print(all(s[i][1] < s[i+1][1] for i in range(len(s)-1) if s[i][0] == s[i+1][0]))
print(sorted(data) == sorted(data, key=lambda x: x), sorted(data)[:10])
words = [str(x) for x in data]
print(sorted(words)[:10], sorted(words, key=len)[:10])
mixed = [1, 2.5, True, 0, -3.5, False]
print(sorted(mixed))
lst = [3, 2, 1]
def keyf(x):
    lst.append(x)
    return x
try:
    lst.sort(key=keyf)
except ValueError as e:
    print(e)
print(sorted([[3, 1], [2, 9], [3, 0]]))
