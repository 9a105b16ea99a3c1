# bool, int, float, complex, str, repr, ascii, chr, ord, hash basics.
print(bool(0), bool(3), bool(""), bool("0"), bool([0]), int("7"), float("7"), complex("7"), str(7), repr(7), ascii("ü"))
print(chr(0), repr(chr(0)), repr(chr(127)), repr(chr(160)), repr(chr(0xad)), chr(0x10FFFF) == "\U0010ffff", ord("\n"), ord(b"a"), ord(bytearray(b"z")))
print(repr("\x1b"), ascii("\U0010ffff"), ascii(["é", b"\xe9"]), repr("\r"), repr("'\""), str("s"), repr(repr("s")))
print(hash(0), hash(1), hash(-1), hash(2**64), hash(1.0), hash(1.25), hash(-1.25), hash(None) == hash(None), hash(...) == hash(Ellipsis))
print(int(" 12 "), int("-0b11", 0), float(" -inf "), complex(" 1e3 "), str(b"a", "ascii", "strict"), str(object=5), bool(x=1) if False else bool())
print(type(str(1)).__name__, type(repr(1.5)).__name__, int(float("1e10")), float(int("9" * 20)), str(-0.0), repr(float("-nan")))
print(list(map(int, "123")), list(map(str, [1, None, 2.5])), list(map(float, ["1", " 2 "])))
