a = list(range(10))
b = a[1]
c = a[1:3]
d = a[::2]
e = a[1:8:2]
a[0] = 5
a[1:2] = [7]
del a[0]
del a[1:3]
f = a[:, ] if 0 else 0
