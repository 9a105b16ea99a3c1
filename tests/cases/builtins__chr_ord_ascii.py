# chr/ord round trips, ascii() and repr() escaping rules.
for cp in [0, 9, 10, 13, 31, 32, 39, 34, 92, 126, 127, 128, 159, 160, 173, 255, 256, 0x2028, 0xD800, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF]:
    c = chr(cp)
    print(cp, repr(c), ascii(c), ord(c) == cp, c.isprintable())
print(ascii("plain"), ascii("é"), ascii(["é", {"ü": b"\xff"}]), ascii(1.5), repr("é"), repr("\x7f"))
print(repr("'"), repr('"'), repr("'\""), repr("\\"), repr("a\nb"), repr("\t"), repr("\x00"), repr("\u0085"), repr("\ufeff"))
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(1.5)
except TypeError as e:
    print("TypeError:", e)
print(ord(b"\xff"), ord(bytearray(b"A")), [ord(c) for c in "Az09"], "".join(chr(c) for c in range(65, 71)))
