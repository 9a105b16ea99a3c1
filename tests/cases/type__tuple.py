# tuple behaviour.
t = (1, "a", 2.5, None, (1, 2))
print(t, len(t), t[1], t[-1][0], t[1:3], t.index(2.5), t.count(1), (1, 2) + (3,), (0,) * 3, () * 5)
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}), tuple(x for x in "xy"))
print((1, 2) < (1, 2, 3), (1, 2) == (1, 2), (1, "a") < (1, "b"), (2,) > (1, 99), () < (0,))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)], (1,) == 1, (1) == 1)
a, b = t[:2]
print(a, b)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash(([],))
except TypeError as e:
    print("TypeError:", e)
try:
    t.index("missing")
except ValueError as e:
    print("ValueError:", e)
m = ([1],)
m[0].append(2)
print(m)
try:
    m[0] += [3]
except TypeError as e:
    print("TypeError:", e, m)
print(type(()).__name__, (1,).__class__.__name__, repr((1,)), repr(()), repr(((),)), str((1, "x")))
print(sorted((3, 1, 2)), tuple(reversed((1, 2, 3))), max((1, 5, 2)), 5 in (1, 5), list(enumerate(("a", "b"))))
