# Complex literals and arithmetic.
print(1j, 2+3j, -1j, 0j, 1.5j, 1e3j, complex(1, 2), complex("1+2j"), complex(" -3.5-4j "))
z = 3 + 4j
print(z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(z * z, z / 2, z + 1, z - 1j, (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j))
print(z == 3 + 4j, z != 3, complex(3, 0) == 3)
print(1j ** 2, (1 + 1j) ** 3, 2 ** 1j)
print(complex(0.0, -0.0), complex(-0.0, 0.0), -(0j))
print(complex(float("inf"), 1), complex(1, float("nan")))
print(repr(1e20j), repr(1e-20 + 1j), complex("inf-infj"))
print(type(1j), complex(), complex(2), complex(True))
try:
    1j < 2j
except TypeError as e:
    print("TypeError:", e)
try:
    (1 + 1j) // 2
except TypeError as e:
    print("TypeError:", e)
try:
    1j / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
