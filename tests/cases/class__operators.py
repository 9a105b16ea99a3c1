# Arithmetic dunders, reflected and in-place operators.
class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f"V{self.c}"
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[a + o for a in self.c])
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o): return V(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k): return V(*[a * k for a in self.c])
    def __rmul__(self, k): return V(*[k * a for a in self.c])
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __truediv__(self, k): return V(*[a / k for a in self.c])
    def __floordiv__(self, k): return V(*[a // k for a in self.c])
    def __mod__(self, k): return V(*[a % k for a in self.c])
    def __pow__(self, k): return V(*[a ** k for a in self.c])
    def __rpow__(self, b): return V(*[b ** a for a in self.c])
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return self
    def __abs__(self): return V(*[abs(a) for a in self.c])
    def __invert__(self): return V(*reversed(self.c))
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, n): return "lshift"
    def __rshift__(self, n): return "rshift"
    def __rsub__(self, o): return "rsub"
    def __divmod__(self, o): return "divmod"
    def __rtruediv__(self, o): return "rtruediv"
a, b = V(1, 2), V(3, -4)
print(a + b, a + 1, 1 + a, a - b, a * 3, 3 * a, a @ b, a / 2, b // 2, b % 3, a ** 2, 2 ** a)
print(-a, +a, abs(b), ~a, a & b, a | b, a ^ b, a << 1, a >> 1, 5 - a, divmod(a, 1), 1 / a)
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
class Sub(V):
    def __radd__(self, o): return "Sub.__radd__ wins"
print(V(1) + Sub(2))
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __imul__(self, n):
        self.items *= n
        return self
acc = Acc()
acc += 1
acc += 2
acc *= 2
print(acc.items)
class Only:
    def __add__(self, o): return "add"
o = Only()
o += 1
print(o)
class Idx:
    def __index__(self): return 3
print([0, 1, 2, 3, 4][Idx()], bin(Idx()), "ab" * Idx(), range(Idx()))
class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 9
    def __floor__(self): return 1
    def __ceil__(self): return 2
import math
print(int(Num()), float(Num()), complex(Num()), round(Num()), round(Num(), 2), math.trunc(Num()), math.floor(Num()), math.ceil(Num()))
