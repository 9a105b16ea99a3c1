# dict views: keys/values/items as live set-like views.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i)
d["d"] = 4
print(list(k), list(v), list(i))
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, k ^ {"a", "q"}, i & {("b", 2)}, k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"})
print(k.isdisjoint({"x"}), sorted(k), list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(v == v, d.values() == d.values())
it = iter(k)
print(next(it))
del d["d"]
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
print(k.mapping if hasattr(k, "mapping") else None)
e = {}
print(e.keys(), e.items(), list(e.values()), not e.keys())
