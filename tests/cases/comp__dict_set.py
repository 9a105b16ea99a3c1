# Dict and set comprehensions.
print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", range(3)) if v})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print({x % 3 for x in range(10)}, {c for c in "mississippi"} == set("misp"))
print(sorted({len(w) for w in "the quick brown fox jumps".split()}))
print({(i, j): i * j for i in range(2) for j in range(2)})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
groups = {w[0]: [v for v in words if v[0] == w[0]] for w in words}
print(groups)
print({i: {j for j in range(i)} for i in range(4)})
print({}.fromkeys("ab", 0), {**{x: 1 for x in "ab"}})
