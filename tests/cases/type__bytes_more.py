# bytes: construction, comparisons, searching with ints, iteration, conversions.
b = bytes(range(0, 256, 51))
print(b, list(b), b[2], b[-1], b.find(102), b.count(0), 51 in b, b"\x33" in b, b.index(b"\xcc"))
print(bytes.fromhex("ff 00 10"), bytes.fromhex(""), b"\x01\x02".hex(), b"".hex(), bytes(b"abc")[::2], b"a" * 0)
print(b"abc".upper().lower(), b"a b".title(), b"hello world".split(b"o"), b"x,y".partition(b","), b"AbC".swapcase())
print(b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b"" == bytes(), bytes(3) == b"\x00" * 3, b"a" != "a")
print(b"%s|%5d|%-4x|%c|%%" % (b"x", 42, 255, 97), b"%(a)s" % {b"a": b"mapped"})
print(int.from_bytes(b"\x01\x02", "big"), int.from_bytes(b"\x01\x02", "little"), (258).to_bytes(2, "big"), (-2).to_bytes(2, "big", signed=True))
print(bytes([72, 105]).decode(), "Hi".encode() == b"Hi", b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"))
for bad in [lambda: bytes([-1]), lambda: bytes.fromhex("g0"), lambda: b"a".decode("no-such-codec"), lambda: bytes(-1)]:
    try:
        bad()
    except (ValueError, LookupError) as e:
        print(type(e).__name__, e)
print(b"abc".startswith(b"ab"), b"abc".endswith((b"c", b"x")), b" x ".strip(), b"a\x00b".split(b"\x00"), b"abc".isascii())
print(sorted([b"b", b"a", b"ab"]), max(b"hello"), sum(b"\x01\x02\x03"), b"\xff"[0], bytes(reversed(b"abc")))
