# math integer functions: factorial, comb, perm, gcd, lcm, isqrt, prod on big values.
import math
print([math.factorial(n) for n in range(12)], len(str(math.factorial(500))))
print([math.comb(10, k) for k in range(11)], math.comb(60, 30), math.comb(10**3, 3), math.comb(5, 0), math.comb(0, 0))
print([math.perm(6, k) for k in range(7)], math.perm(20), math.perm(3, 5))
print(math.gcd(2**64, 2**32 * 3), math.gcd(-12, 18), math.gcd(0, -5), math.gcd(10**30, 10**20 * 7), math.gcd(17, 19, 23))
print(math.lcm(2**10, 3**5), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**18, 10**18 - 1, 2**127]])
print(math.prod(range(1, 21)), math.prod([]), math.prod([1.5, 4]), math.prod([2] * 100) == 2**100, math.prod([[1]], start=2) if False else "skip")
print(math.factorial(True), math.gcd(True, 6), math.comb(True, 1))
for bad in [lambda: math.factorial(-5), lambda: math.comb(5, -1), lambda: math.perm(-1), lambda: math.isqrt(-4), lambda: math.gcd("6")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
