# A Fraction-like class exercising the full numeric protocol and comparisons.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac(%d, 0)" % n)
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def of(x):
        return x if isinstance(x, Frac) else Frac(x) if isinstance(x, int) else NotImplemented
    def __add__(self, o):
        o = Frac.of(o)
        if o is NotImplemented:
            return o
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        return self + -Frac.of(o)
    def __rsub__(self, o):
        return Frac.of(o) - self
    def __mul__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        return Frac.of(o) / self
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __abs__(self):
        return Frac(abs(self.n), self.d)
    def __pow__(self, k):
        return Frac(self.n ** k, self.d ** k) if k >= 0 else Frac(self.d ** -k, self.n ** -k)
    def __eq__(self, o):
        o = Frac.of(o)
        return o is not NotImplemented and (self.n, self.d) == (o.n, o.d)
    def __lt__(self, o):
        o = Frac.of(o)
        return self.n * o.d < o.n * self.d
    def __le__(self, o):
        return self == o or self < o
    def __hash__(self):
        return hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __int__(self):
        return int(self.n / self.d)
    def __bool__(self):
        return self.n != 0
    def __repr__(self):
        return f"Frac({self.n}, {self.d})"
    def __str__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)
a, b = Frac(1, 2), Frac(3, 4)
print(a + b, a - b, a * b, a / b, 1 + a, 1 - a, 2 * b, 1 / b, -a, abs(-b), a ** 3, b ** -2)
print(a < b, a <= a, b > a, a >= b, a == Frac(2, 4), a != b, a == 0.5, float(b), int(Frac(7, 2)), bool(Frac(0)))
total = sum([Frac(1, n) for n in range(1, 11)], Frac(0))
print(total, repr(total), sorted([b, a, Frac(-1, 3)]), len({Frac(1, 2), Frac(2, 4)}))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
