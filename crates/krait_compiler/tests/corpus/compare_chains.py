a = 1 < b < 3
c = x == y != z
if 0 < n < 10:
    pass
r = a is None
s = a is not None
t = a in b
u = a not in [1, 2, 3]
v = not a in b
w = not (a is b)
