# Big-int bitwise operations with negative operands (two's complement semantics).
vals = [2**100 - 1, -(2**100), 2**100 + 12345, -(2**64) + 7, 2**65, -1, 0]
for a in vals:
    for b in vals[:4]:
        print((a & b) % 10**12, (a | b) % 10**12, (a ^ b) % 10**12, (a & b) < 0, (a | b) < 0, (a ^ b) < 0)
for a in vals:
    print(~a, (a >> 37) % 10**9, (a << 37) % 10**9, a.bit_length(), (a >> 200), (-a >> 1) if a else 0)
print((1 << 200) - 1 == ~(-(1 << 200)), (-(2**100)) >> 100, (2**100 - 1) >> 99, ~(2**100) & 0xFF)
print(bin(2**70 | 2**3), hex(-(2**70) ^ 0xFFFF), oct(2**66 & (2**66 + 7)))
