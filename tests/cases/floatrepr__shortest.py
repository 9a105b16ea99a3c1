# float repr: shortest round-trip digits and exponent thresholds.
vals = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 0.1 + 0.2, 1.1 * 1.1, 100.0, 1e15, 1e16, 1e17, 123456789012345678.0,
        1e-4, 1e-5, 0.00012345, 1.5e-7, 9.999999999999999e15, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 4.35, 2.675, 0.3 - 0.1, 3.0, -3.0, 1234.5, 12345678.9, 0.5, 0.25, 0.125, 1 / 7,
        2 ** 0.5, 10 / 3, 1e100, 1.23e-100, 299792458.0, 6.02214076e23, 1.602176634e-19, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v), float(repr(v)) == v)
print(-0.0, 0.0, float("inf"), float("-inf"), float("nan"), -float("nan"))
print([1e16 - 1, 1e16 + 2, 2.0 ** 60, 2.0 ** -30, 1 / 1024])
x = 1.0
out = []
for i in range(25):
    out.append(repr(x))
    x *= 10
print(out)
x = 1.0
out = []
for i in range(10):
    out.append(repr(x))
    x /= 10
print(out)
print(str(1e16), str(123.0), repr(1.0e-5), 1e5, 12e-1, 0.000001, 0.0000001)
