# math exp/log family over a range of inputs, big-int logarithms, and pow.
import math
for x in [1e-300, 1e-10, 0.5, 1.0, 2.0, math.e, 10.0, 1e10, 1e300]:
    print(x, math.log(x), math.log2(x), math.log10(x), math.log1p(x), math.log(x, 3))
for x in [-745.2, -700.0, -1.0, -1e-10, 0.0, 1e-10, 1.0, 10.0, 709.7]:
    print(x, math.exp(x), math.expm1(x))
for n in [2**100, 10**100, 3**500, 10**1000]:
    print(math.log(n), math.log2(n), math.log10(n), math.log(n, 2))
print(math.pow(2, 0.5), math.pow(10, -2), math.pow(-2, 2), math.pow(4, 0.5), math.pow(2, 1023), math.pow(0.0, 0.5))
print(2 ** 0.5 == math.sqrt(2), math.sqrt(16), math.sqrt(2**100), math.sqrt(1e-320), math.exp(math.log(7)))
