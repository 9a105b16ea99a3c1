# tuple: packing, immutability with mutable members, comparisons, hashing, count/index.
t = 1, 2, 3
u = (t, t)
print(t, u, len(u), u[1][2], t + (4,), t * 2, t[::-1], t[5:], tuple(t) is t)
print((1, 2) < (1, 2, 3), (1, 3) > (1, 2, 99), ("a", 1) < ("b", 0), (1,) == (1.0,), () == tuple())
print((1, 2, 1, 1).count(1), (1, 2, 1).index(1, 1), (3, 1, 2).index(2), sorted((3, 1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))))
x = ([],)
x[0].append("mutable inside")
print(x)
single = ("only",)
not_tuple = ("only")
print(type(single).__name__, type(not_tuple).__name__, len(single))
print(tuple(map(str, range(3))), tuple(reversed("abc")), tuple({"a": 1, "b": 2}.items()), tuple(sorted({3, 1, 2})))
a, b = b, a = 1, 2
print(a, b)
print(max([(1, "z"), (2, "a"), (2, "b")]), min((5, 4), (5, 3)), ((1, 2), (3, 4))[1][0])
try:
    (1, 2) < (1, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    t.count()
except TypeError as e:
    print("TypeError:", e)
