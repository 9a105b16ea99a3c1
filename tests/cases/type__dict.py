# dict methods and ordering.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("zz", "default"), d)
print(d.setdefault("x", []), d.setdefault("b", 99), d)
d.update({"y": 1}, z=2)
d.update([("w", 0)])
print(d)
print(d.popitem(), d)
c = d.copy()
c.clear()
print(c, d == d.copy(), d is d.copy())
print(dict(a=1, b=2), dict([("k", "v")]), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])), dict.fromkeys([1, 2], "v"))
print({1: "a"} | {2: "b"}, {1: "a", 2: "b"} | {1: "z"})
e = {"a": 1}
e |= {"b": 2}
print(e)
try:
    d["missing"]
except KeyError as ex:
    print("KeyError:", ex)
try:
    d.pop("missing")
except KeyError as ex:
    print("KeyError:", ex)
del d["b"]
d["b"] = "re-added at end"
print(d, list(reversed(d)))
order = {}
for k in [5, 3, 9, 1]:
    order[k] = k
del order[3]
order[3] = "back"
print(order)
print({1: 1} == {1: 1.0}, {1: 2} == {2: 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
try:
    for k in d:
        d["new"] = 1
except RuntimeError as ex:
    print("RuntimeError:", ex)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(dict.__name__, type({}).__name__, {}.get(1, "x"), {(1, 2): 3}[1, 2], {True: 1}[1])
