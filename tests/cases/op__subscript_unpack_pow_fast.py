# Subscripts, unpacking and powers on the shapes the interpreter's fast path takes.
l = [1, 2, 3]
t = (4, 5, 6)
print(l[0], l[-1], t[1], t[-3])
for bad in (3, -4, 10**20):
    try:
        l[bad]
    except IndexError as e:
        print("IndexError", e)
    try:
        t[bad]
    except IndexError as e:
        print("IndexError", e)
l[-1] = 30
l[0] += 10
print(l)
try:
    l[5] = 1
except IndexError as e:
    print(e)
class L(list):
    def __getitem__(self, i):
        return ("L", i)
    def __setitem__(self, i, v):
        print("set", i, v)
ll = L([1, 2])
print(ll[0], ll[-1])
ll[0] = 9
class T(tuple):
    def __getitem__(self, i):
        return "T"
print(T((1, 2))[0])
a, b, c = l
x, y = "ab"
(p, q), r = [(1, 2), 3]
print(a, b, c, x, y, p, q, r)
for bad in ([1, 2], (1, 2, 3, 4)):
    try:
        a, b, c = bad
    except ValueError as e:
        print(e)
print(2 ** 10, 2 ** 62, 2 ** 63, 2 ** 64, (-2) ** 63, 3 ** 0, 0 ** 0, 2 ** -1)
print(2.0 ** 0.5, 10.0 ** -2, 4.0 ** 0.5, 1.5 ** 2, 2 ** 0.5, 1e10 ** 0.5)
for base, exp in ((-8.0, 1 / 3), (0.0, -1.0), (10.0, 400.0), (-2.0, 2.0), (float("inf"), 2.0), (2.0, float("nan"))):
    try:
        print(repr(base ** exp))
    except Exception as e:
        print(type(e).__name__, e)
