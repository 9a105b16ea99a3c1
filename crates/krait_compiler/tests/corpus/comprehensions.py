a = [x * 2 for x in range(10) if x % 3]
b = {x for x in a}
c = {k: v for k, v in zip(a, b)}
d = (y for y in a if y if y > 2)
e = [(i, j) for i in range(3) for j in range(i)]
f = [z for z in [w]]
