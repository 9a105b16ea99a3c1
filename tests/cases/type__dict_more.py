# dict: key equality across numeric types, insertion order after deletes, views after mutation, setdefault/update forms.
d = {1: "int", 1.0: "float", True: "bool"}
print(d, len(d), d[1.0], d[True])
d = {}
d[2] = "a"
d[1] = "b"
d[3] = "c"
del d[1]
d[1] = "b2"
print(d, list(d.items()))
keys = d.keys()
d["new"] = 0
print(keys, len(keys), "new" in keys)
d2 = dict(d)
d2.update(k1=1)
d2.update({"k2": 2}.items())
d2.update([["k3", 3]])
print(d2)
print(d2.pop("k1"), d2.pop("nope", None), d2.setdefault("k4"), d2)
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested, nested.get("a", {}).get("x", "missing"))
print(dict.fromkeys("abc"), dict.fromkeys(range(3), []), {**{1: 1}, **{1: 2}})
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inv, sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print({(1, 2): "tuple key", frozenset({1}): "frozenset key", None: "none key", "": "empty"})
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], big[999], sum(big.values()))
print(d == dict(d), {1: 2} != {1: 3}, {} == dict())
