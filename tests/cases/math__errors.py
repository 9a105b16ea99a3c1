# math: domain and range errors with exact messages.
import math
cases = [
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("log(-1)", lambda: math.log(-1)),
    ("log(1, 1)", lambda: math.log(1, 1)),
    ("log10(-5)", lambda: math.log10(-5)),
    ("log2(0)", lambda: math.log2(0)),
    ("log1p(-1)", lambda: math.log1p(-1)),
    ("acos(2)", lambda: math.acos(2)),
    ("asin(-2)", lambda: math.asin(-2)),
    ("acosh(0)", lambda: math.acosh(0)),
    ("atanh(1)", lambda: math.atanh(1)),
    ("sin(inf)", lambda: math.sin(math.inf)),
    ("cos(inf)", lambda: math.cos(math.inf)),
    ("exp(1000)", lambda: math.exp(1000)),
    ("cosh(1000)", lambda: math.cosh(1000)),
    ("pow(10, 400)", lambda: math.pow(10.0, 400)),
    ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("pow(-8, 1/3)", lambda: math.pow(-8, 1 / 3)),
    ("ldexp(1, 5000)", lambda: math.ldexp(1.0, 5000)),
    ("fmod(1, 0)", lambda: math.fmod(1, 0)),
    ("fmod(inf, 1)", lambda: math.fmod(math.inf, 1)),
    ("gamma(0)", lambda: math.gamma(0)),
    ("gamma(-1)", lambda: math.gamma(-1)),
    ("gamma(200)", lambda: math.gamma(200)),
    ("lgamma(-2)", lambda: math.lgamma(-2)),
    ("factorial(-1)", lambda: math.factorial(-1)),
    ("factorial(1.5)", lambda: math.factorial(1.5)),
    ("isqrt(-1)", lambda: math.isqrt(-1)),
    ("comb(-1, 2)", lambda: math.comb(-1, 2)),
    ("perm(3, -1)", lambda: math.perm(3, -1)),
    ("floor(inf)", lambda: math.floor(math.inf)),
    ("ceil(nan)", lambda: math.ceil(math.nan)),
    ("trunc(inf)", lambda: math.trunc(math.inf)),
    ("sqrt('x')", lambda: math.sqrt("x")),
    ("sqrt(10**400)", lambda: math.sqrt(10**400)),
    ("exp(10**400)", lambda: math.exp(10**400)),
    ("remainder(1, 0)", lambda: math.remainder(1, 0)),
    ("dist", lambda: math.dist((1,), (1, 2))),
    ("gcd(1.5)", lambda: math.gcd(1.5)),
]
for name, fn in cases:
    try:
        print(name, "=", fn())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(name, "->", type(e).__name__ + ":", e)
print(math.log(10**400) > 921, math.sqrt(math.inf), math.exp(-math.inf), math.atan(math.inf), math.tanh(math.inf), math.isnan(math.sin(math.nan)))
