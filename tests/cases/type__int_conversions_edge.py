# int() of floats, strings and objects at boundaries; float() of huge ints; round-trips.
for f in [0.0, -0.0, 0.9999999999999999, -0.9999999999999999, 1e15 + 0.5, 2.0**52 + 0.5, 2.0**63, -(2.0**63), 1e300, 4.5, -4.5, 1.5e-300]:
    print(repr(f), int(f), round(f), int(f) == f)
for n in [2**53 - 1, 2**53, 2**53 + 1, 2**54 + 3, 2**1023, 2**1024 - 2**970, 10**308, -(10**308)]:
    try:
        print(n % 1000, float(n), float(n) == n, int(float(n)) - n)
    except OverflowError as e:
        print("OverflowError:", e)
for bad in [2**1024, -(2**1024), 10**309]:
    try:
        float(bad)
    except OverflowError as e:
        print("OverflowError:", e)
print(int("9" * 30) + 1 == 10**30, int("-" + "1" * 25), int(" 0x0 ", 16), int("0" * 50), int("+0b" + "1" * 70, 0) == 2**70 - 1)
print(float("1" + "0" * 308), float("1" + "0" * 309), float("0." + "0" * 400 + "1"), float("123456789" * 3))
print(int(True) + int(False), int(-True), float(True), complex(True, False))
