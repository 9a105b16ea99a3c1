# list: aliasing, copying, nested mutation, sort stability, in-place ops, comparisons.
a = [3, 1, 2]
b = a
c = a[:]
a.sort()
print(a, b, c, a is b, a == c)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
records = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 20)]
print(sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: (-r[1], r[0])))
x = [1, 2, 3, 4, 5, 6]
x[::2] = [0] * 3
print(x)
x += range(2)
x.extend("ab")
print(x, len(x), x.index("a"), x.count(0))
y = [5, 2, 8]
y *= 2
print(y, y[-2:], [y.pop() for _ in range(2)], y)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 3], [2] > [1, 9, 9], [[1]] == [[1]], [] < [[]])
z = list(range(10))
del z[2:8:2]
print(z, z.pop(3), z)
z.insert(-100, "first")
z.insert(100, "last")
print(z)
w = [1, 2, 3]
w[1:1] = ["i", "j"]
w[-1:] = []
print(w, w.copy() == w, w.copy() is w)
print(sorted([0.5, -1, 3, True, 2.5]), sorted(["b", "a"]) + sorted([2, 1]))
