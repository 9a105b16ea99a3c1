class A: pass
a = A()
a.n = 0
a.n += 1
d = {'k': 1}
d['k'] += 2
l = [1, 2]
l[0] *= 5
