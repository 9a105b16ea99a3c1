# Unpacking into for-loop targets, nested structures, attributes and subscripts.
points = [(1, (2, 3)), (4, (5, 6))]
for x, (y, z) in points:
    print(x + y + z, end=" ")
print()
for i, *rest in [(1, 2, 3), (4, 5)]:
    print(i, rest)
d = {"a": 1, "b": 2}
for k, v in sorted(d.items(), reverse=True):
    print(k, v)
class O: pass
o = O()
lst = [0, 0]
o.x, lst[1], (p, q) = 1, 2, "pq"
print(o.x, lst, p, q)
[a, [b, *c]] = [1, [2, 3, 4]]
print(a, b, c)
head, *tail = "x"
print(head, tail)
((a, b), (c, d)) = [(1, 2), [3, 4]]
print(a, b, c, d)
a, b = b, a = 1, 2
print(a, b)
for (a, b), c in zip([(1, 2), (3, 4)], "xy"):
    print(a, b, c)
it = iter(range(10))
for a, b in zip(it, it):
    print(a, b, end="; ")
print()
