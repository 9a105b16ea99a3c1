# int <-> str in every base, with prefixes, signs and underscores.
for n in [0, 1, -1, 7, 255, -256, 4096, 2**64 - 1, -(2**70)]:
    print(n, bin(n), oct(n), hex(n), format(n, "b"), format(n, "o"), format(n, "x"), format(n, "X"), str(n))
for base in [2, 3, 8, 10, 16, 36]:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    s = digits[::-1] * 3
    print(base, s, int(s, base), int(s.upper(), base), int("-" + s, base))
print(int("0b1010", 0), int("0o777", 0), int("0x_dead_beef", 0), int("1_000_000", 0), int("0", 0), int("-0x10", 0))
print(int("1010", 2), int("0b1010", 2), int("ZZ", 36), int("0x10", 16), int("10", 16), int(" 7 ", 8), int("+z", 36))
for bad, base in [("2", 2), ("9", 8), ("g", 16), ("0b", 0), ("0o8", 0), ("1__2", 10), ("0x1", 10), ("", 0)]:
    try:
        int(bad, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("1", 37)
except ValueError as e:
    print("ValueError:", e)
print(int("١٢٣"), int("٣", 10), float("١.٥"), int("𝟕"))
