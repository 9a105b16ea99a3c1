# Slicing lists with every sign of start/stop/step.
l = list(range(10))
print(l[2:5], l[:3], l[7:], l[:], l[-3:], l[:-3], l[-3:-1], l[5:2], l[100:], l[-100:2])
print(l[::2], l[1::3], l[::-1], l[::-2], l[8:2:-2], l[-1:-4:-1], l[2:8:-1], l[:-11:-1])
print(l[3:3], l[10**30:], l[-10**30:1], l[::10**20], l[::-10**20])
print(l[True:], l[slice(1, 4)], l[slice(None, None, -3)])
try:
    l[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    l[1.5:]
except TypeError as e:
    print("TypeError:", e)
class I:
    def __index__(self): return 2
print(l[I():5], l[I()], l[:I()])
print([][:], [][::-1], [1][1:], [1][-1:])
t = tuple(l)
print(t[1:4], t[::-3], type(t[1:2]))
r = range(0, 20, 3)
print(r[1:4], r[::-1], r[-2:], list(r[::2]))
