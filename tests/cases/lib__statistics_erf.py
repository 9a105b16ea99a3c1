# math.erf/erfc follow fdlibm's algorithm (as glibc's, which CPython calls): statistics'
# NormalDist builds on them.
import math, statistics
for x in [1 / 2 ** 0.5, 0.1, 0.5, 1.5, 2.5, -0.3, 3.7, 6.0, 1e-10, 27.0, float('inf'), -0.0]:
    print(repr(math.erf(x)), repr(math.erfc(x)))
n = statistics.NormalDist(0, 1)
print(n.cdf(1.0), n.cdf(-2.0), n.inv_cdf(0.975), n.pdf(0.5), statistics.NormalDist(5, 2).overlap(statistics.NormalDist(6, 1)))
print(statistics.NormalDist.from_samples([1, 2, 3, 4, 5]), n.quantiles(4))
