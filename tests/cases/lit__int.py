# Integer literals in every base, underscores, and sizes.
print(0, 1, -1, +7, 0o17, 0x1F, 0b1011, 0XaB, 0O7, 0B1)
print(1_000_000, 0x_ff_ff, 0b_1010_1010, 0o_7_7)
print(2**63, -2**63, 2**64 - 1, 2**100)
print(123456789012345678901234567890 * 987654321098765432109876543210)
print(0x7fffffffffffffff + 1, -0x8000000000000000 - 1)
print(type(0), type(10**30))
print(00, 0_0)
big = 1
for i in range(1, 40):
    big *= i
print(big)
print(-big // 7, -big % 7)
print(int("  42  "), int("-0"), int("+17"), int("1_000"))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b11", 0), int("z", 36))
print(int(3.99), int(-3.99), int(True), int(1e20))
print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True))
print((-1).to_bytes(4, "little", signed=True))
