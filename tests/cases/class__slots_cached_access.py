class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
def read(p):
    return p.x
def read_y(p):
    return p.y
ps = [P(i) for i in range(3)]
print([read(p) for p in ps])
for p in ps:
    try:
        read_y(p)
    except AttributeError as e:
        print("AttributeError:", e)
    p.y = 5
    print(read_y(p))
del ps[0].y
try:
    read_y(ps[0])
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    pass
q = Q(9)
q.z = 1
print(read(q), q.z, q.__dict__)
class R(list):
    __slots__ = ("x",)
r = R()
r.x = 3
print(read(r))
class S:
    __slots__ = ("x",)
    x_default = 4
s = S()
def store(o, v):
    o.x = v
for v in range(3):
    store(s, v)
    print(read(s))
store(q, 10)
print(read(q))
