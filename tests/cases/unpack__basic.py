# Tuple/list unpacking, swaps, nesting.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
h, = [9]
print(h)
x = y = z = 0
print(x, y, z)
i, j, k = range(3)
print(i, j, k)
p, q = {"one": 1, "two": 2}
print(p, q)
for n, (l, m) in enumerate([(1, 2), (3, 4)]):
    print(n, l, m)
lst = [0, 0, 0]
lst[0], lst[2] = 7, 8
print(lst)
class O: pass
o = O()
o.a, o.b = "ab"
print(o.a, o.b)
for bad in [(1, 2, 3), (1,), 5]:
    try:
        u, v = bad
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)
it = iter([1, 2, 3, 4])
m1, m2 = next(it), next(it)
print(m1, m2, list(it))
