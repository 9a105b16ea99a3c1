# Augmented assignment on names, attributes, subscripts; in-place vs rebinding.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x /= 3; print(x)
x //= 2; print(x)
x = 17
x %= 5; print(x)
x **= 10; print(x)
x <<= 3; print(x)
x >>= 2; print(x)
x &= 0xFF; print(x)
x |= 0x100; print(x)
x ^= 0x1FF; print(x)
a = [1]
b = a
a += [2]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
s = "ab"
s *= 3
print(s)
class O:
    pass
o = O()
o.v = 1
o.v += 41
print(o.v)
d = {"k": [1]}
d["k"] += [2]
d["n"] = 0
d["n"] += 1
print(d)
lst = [0, 1, 2]
lst[1] *= 10
lst[-1] **= 3
print(lst)
cnt = 0
def idx():
    global cnt
    cnt += 1
    return 0
z = [5]
z[idx()] += 1
print(z, cnt)
class V:
    def __init__(self, v): self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __add__(self, o):
        return V(self.v + o + 1000)
    def __repr__(self): return f"V({self.v})"
w = V(1)
w0 = w
w += 2
print(w, w is w0, w + 1)
st = {1}
st |= {2}
st &= {2, 3}
print(st)
