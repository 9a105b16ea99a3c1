# float -> str -> float round trips over many magnitudes; int/float boundaries.
import math
x = 0.1
samples = []
for i in range(60):
    samples.append(x)
    x = x * 3.7 + 1e-3
for v in samples[::5] + [1 / 3 * 10**k for k in range(-20, 21, 5)]:
    s = repr(v)
    print(s, float(s) == v, str(v) == s, "%.17g" % v, format(v, ".6e"))
for k in range(50, 56):
    v = float(2**k)
    print(k, v, v + 1, int(v + 1) - 2**k)
print(float("0.1") == 0.1, float("1e-400"), float("-1e-400"), float("1.7976931348623159e308"), float("2.4703282292062328e-324"))
print(math.pi * 1e15, math.pi * 1e16, math.e * 1e-5, math.e * 1e-4, -math.pi * 1e-300)
