# math on inf, nan, -0.0, subnormals: classification, copysign, frexp/ldexp, nextafter, ulp.
import math
inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 5e-324, -5e-324, 1e-310, 1.0, -1.5, 1e308, inf, -inf, nan]
for v in vals:
    print(repr(v), math.isfinite(v), math.isinf(v), math.isnan(v), math.copysign(1.0, v), math.fabs(v), math.frexp(v) if math.isfinite(v) else "-", math.ulp(v) if not math.isnan(v) else "-")
print(math.ldexp(1, 1023), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(-0.0, 10), math.ldexp(inf, -5))
print(math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 0.0), math.nextafter(inf, 0), math.nextafter(1.0, 1.0))
print(math.floor(-0.0), math.ceil(-0.5), math.trunc(-0.9), math.modf(-0.0), math.modf(inf), math.fmod(-0.0, 1), math.fmod(5, inf))
print(math.sqrt(inf), math.exp(-inf), math.log(inf), math.exp(nan), math.pow(nan, 0), math.pow(1, nan), math.pow(-inf, 3), math.pow(-inf, 2), math.pow(-0.0, 3))
print(math.isclose(inf, inf), math.isclose(nan, nan), math.isclose(1e-300, 0), math.isclose(1e-300, 0, abs_tol=1e-299), math.isclose(1.0, 1.0000000001))
print(math.fsum([inf, 1]), math.fsum([1e308, 1e308, -1e308]) if False else "skip", math.fsum([0.1, 0.2, 0.3]), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]))
try:
    math.fsum([inf, -inf])
except ValueError as e:
    print("ValueError:", e)
try:
    math.fsum([1e308, 1e308])
except OverflowError as e:
    print("OverflowError:", e)
