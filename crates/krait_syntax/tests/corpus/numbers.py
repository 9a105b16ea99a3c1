a = 0, 00, 1_000, 0x_FF, 0XFF, 0o17, 0O7_7, 0b1010, 0B1
b = 123456789012345678901234567890, 0xffffffffffffffffffffffffffff
c = 1.0, 1., .5, 1e10, 1E-5, 1_0.0_1, 1e16, 1e-4, 1e-5, 0.1, 123.456e7, 1e308, 1e400
d = 1j, 2.5J, 0j, 1e20j, 1_0j, 3.14e-10j
e = -1, +2, ~3, not 4, -(5), - - 6
f = True, False, None, ..., Ellipsis
g = 1 + 2 * 3 ** -4 // 5 % 6 @ 7 / 8 - 9 << 1 >> 2 & 3 ^ 4 | 5
h = a < b <= c == d != e > f >= g is h is not i in j not in k
i = a and b or not c and (d or e)
