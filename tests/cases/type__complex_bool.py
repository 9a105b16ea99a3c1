# complex and bool types in more depth.
print(complex(1.5, -2), complex("3"), complex("-2j"), complex("  (1+2j)  "), complex(1j, 1j), complex(2, 1j))
for bad in ["1+", "j1", "1 + 2j", "(1+2j", "abc"]:
    try:
        complex(bad)
    except ValueError as e:
        print("ValueError:", e)
z = 1 + 2j
print(z ** 2, z ** 0, z ** -1, z * 1j, abs(3 - 4j), abs(complex(float("inf"), 1)), pow(1j, 3), z == (1 + 2j), hash(z) == hash(1 + 2j))
print((1 + 2j).real, (1 + 2j).imag, (5).imag, (2.5).real, True.real, (1j).conjugate())
print(bool.__name__, bool(5), bool(), bool([]), True is bool(1), type(True).__mro__)
print(True == 1, (True is True) == 1, True + 0.5, str(False), repr(True), f"{True:d}", f"{False!s}", "%d" % True, format(True, ""))
print(True.__and__(False), True.__or__(False), True.__xor__(True), (True).__invert__(), True.bit_length())
try:
    class B(bool): pass
except TypeError as e:
    print("TypeError:", e)
print(sorted([True, False, True]), sum([True, True, False]), max(False, True), [1, 2, 3][True])
