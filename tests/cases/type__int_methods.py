# int methods and conversions.
for n in [0, 1, -1, 255, -256, 2**64, -(2**100) + 7]:
    print(n, n.bit_length(), n.bit_count(), abs(n), n.numerator, n.denominator, n.real, n.imag, n.conjugate())
print((10).as_integer_ratio(), int.from_bytes(b"\x00\x10", "big"), (1024).to_bytes(3, "little"))
print((5).__add__(3), (5).__radd__(3), (5).__sub__(1.0), int.__mul__(3, 4), (7).__truediv__(2))
print(int("0b101", 0), int("-0x_ff", 0), int("  +1_234  "), int("٣"), int("１２"), int("Ab", 16), int(b"42"))
print(int(), int(-0.0), int("000"), int("0", 0), int(True), int(2.999999), int(-2.5))
for bad in ["0x", "1__0", "_1", "1_", "08", "0 1", "--1", ""]:
    try:
        print(int(bad, 0))
    except ValueError as e:
        print("ValueError:", e)
try:
    int(1.5, 10)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
class WithIndex:
    def __index__(self): return 11
class WithTrunc:
    def __trunc__(self): return 12
print(int(WithIndex()), hex(WithIndex()))
print(isinstance(3, int), int.__name__, (3).__class__.__name__, int is type(10**100))
print(int("1" * 50), int("-" + "9" * 40, 10), int("z" * 20, 36))
print((-7).__floordiv__(2), (-7).__mod__(2), (7).__rpow__(2), (3).__neg__(), (0).__bool__(), (3).__invert__())
print(sorted([3, -1, 2**70, -2**70, 0]), (12).__format__("x"), type(int.__doc__).__name__)
