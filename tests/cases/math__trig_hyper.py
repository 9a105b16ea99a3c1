# math trigonometric and hyperbolic functions on a grid, plus special values.
import math
xs = [-2.0, -1.0, -0.5, -0.0, 0.0, 0.5, 1.0, 2.0, math.pi, 10.0]
for x in xs:
    print(x, math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x))
for x in [-1.0, -0.5, 0.0, 0.5, 1.0]:
    print(x, math.asin(x), math.acos(x))
for x in [-0.99, -0.5, 0.0, 0.5, 0.99]:
    print(x, math.atanh(x))
for x in [1.0, 1.5, 10.0, 1e10]:
    print(x, math.acosh(x))
print([math.atan2(y, x) for y, x in [(0.0, 0.0), (-0.0, 0.0), (0.0, -0.0), (-0.0, -0.0), (1, 0), (-1, 0), (1, math.inf), (math.inf, math.inf), (-math.inf, -math.inf)]])
print(math.sin(math.inf) if False else "skip", math.tanh(-math.inf), math.atan(-math.inf), math.sinh(-0.0), math.cos(math.nan))
print(math.degrees(1), math.radians(1), math.degrees(-math.pi / 2), math.hypot(-3, -4), math.hypot(1e200, 1e200), math.hypot(math.inf, math.nan))
