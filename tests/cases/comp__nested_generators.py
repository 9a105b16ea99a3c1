# Generator expressions nested in each other and in function calls; late binding of outer names.
data = [[1, 2, 3], [4, 5], [], [6]]
print(sum(sum(row) for row in data), max(len(r) for r in data), list(x for row in data for x in row if x % 2))
gens = (((i, j) for j in range(i)) for i in range(4))
print([list(g) for g in gens])
n = 3
g = (i * n for i in range(3))
n = 10
print(list(g))
src = [1, 2, 3]
g2 = (x for x in src)
src = [9, 9]
print(list(g2))
def outer():
    k = 2
    return list(v ** k for v in range(4))
print(outer())
print(dict((k, sum(v for v in range(k))) for k in range(5)), set(c.lower() for c in "AbBa"))
print(sorted((v for v in "banana"), key=lambda c: (c != "a", c)), "".join(c * 2 for c in "abc"))
pairs = list(zip((a for a in range(3)), (b * b for b in range(3))))
print(pairs, any(v > 2 for _, v in pairs), all(a <= b for a, b in pairs))
