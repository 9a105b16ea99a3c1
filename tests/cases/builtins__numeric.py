# abs, divmod, pow, round, bin, oct, hex, min, max, sum.
print(abs(-5), abs(5.5), abs(-0.0), abs(-10**30), abs(3 + 4j), abs(True), abs(-float("inf")))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, -5), divmod(10**20, 7), divmod(-0.0, 1))
print(pow(2, 8), pow(2.0, -1), pow(-8, 1 / 3).real > 0, pow(5, 3, 13), pow(base=2, exp=5), pow(2, 5, mod=3))
print(round(3.14159, 3), round(-2.5), round(3.5), round(12345, -2), round(15, -1), round(25, -1), round(-15, -1), type(round(2.5)), type(round(2.5, 0)))
print(round(0.125, 2), round(0.375, 2), round(1e15 + 0.5), round(7, 0), round(-7.5, None))
print(bin(0), bin(5), bin(-5), oct(8), oct(-8), hex(255), hex(-255), hex(2**64), bin(True))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("abc"), min((), default="empty"), max([], default=None),
      min([3, -5, 2], key=abs), max(["aa", "b", "ccc"], key=len), max([1, 3, 3.0]), min([2, 2.0]))
print(max([(1, "b"), (1, "a")]), min({"x": 1, "a": 2}), max(range(10), key=lambda v: v % 4), max(2, 3.5))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), 10), sum([1.5, 2]), sum([], 0.0), sum(iter([1, 2]), start=5))
print(sum([1e100, 1.0, -1e100, 1.0]), sum([True, True]), sum([2**64, 2**64]))
for bad in [lambda: min([]), lambda: max(1), lambda: sum(["a"], ""), lambda: min(1, 2, key=lambda v: v, default=3), lambda: round(1.5, "x"), lambda: divmod(1, 0)]:
    try:
        bad()
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
