# float methods, conversions, special values.
for x in [0.0, -0.0, 1.5, -2.75, 1e300, 5e-324, float("inf"), float("-inf")]:
    print(repr(x), x.is_integer(), x.hex(), abs(x), -x, x.conjugate(), x.real, x.imag)
print(float("nan").is_integer(), float.fromhex("-0x1.ffffffffffffp+1023"), float.fromhex("0x.8"), float.fromhex("inf"))
for x in [0.5, -0.75, 3.0, 1e-10, 123.456]:
    print(x.as_integer_ratio())
for bad in ["", "1e", "1.2.3", "abc", "1_", "0x10", "in f"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
for v in [float("inf"), float("nan")]:
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(float(" 1e-3\n"), float("-.5"), float("+1E+2"), float("1_0.0_1"), float(True), float(2**53 + 1))
print(float("nan") == float("nan"), float("inf") == float("inf"), float("inf") - float("inf"))
print(1e308 + 1e308, -1e308 * 10, 1e-320 / 1e10, 2.5e-324, 3e-324)
print(float.__name__, (1.5).__class__, type(1.0 * 2), 2.0.__trunc__(), (-2.5).__round__(), (2.5).__round__(0))
print((0.1).__add__(0.2), (1.0).__rsub__(3), float.__floordiv__(7.0, 2.0), (7.0).__mod__(-2.0))
print(float("1" * 400) if False else "skip", float("9" * 20), float("0." + "0" * 30 + "1"))
class F:
    def __float__(self): return 4.5
class I:
    def __index__(self): return 3
print(float(F()), float(I()))
print(round(1234.5678, -2), round(1234.5678, 2), round(-0.5), round(0.5000001), round(2.5, 0), round(1e300, 2), round(5e-324, 400))
print(round(float("inf"), 2), round(float("nan"), 1))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
