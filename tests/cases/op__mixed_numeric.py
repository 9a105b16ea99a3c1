# Mixed int/float/complex/bool arithmetic and comparisons.
vals = [0, 1, -3, 2.5, -0.0, 1 + 1j, True, 10**20]
for a in vals:
    row = []
    for b in vals:
        try:
            row.append(a * b - a + b)
        except TypeError as e:
            row.append("TypeError")
    print(a, row)
print(1 == 1.0 == (1 + 0j), 2**53 + 1 == float(2**53 + 1), 0.1 + 0.2 == 0.3, 1 < 1.5 < 2)
print(type(1 + 1.0), type(1 + 1j), type(1.0 + 1j), type(True + True), type(True + 1.0), type(10**20 * 1.0))
print(10**20 + 0.5, 10**16 + 1.0, (10**16 + 1) == 10**16 + 1.0, 3 * 0.1, 7 // 2.0, 7 % 2.5, -7 // 2.0)
