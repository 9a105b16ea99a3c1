# bytes methods.
b = b"Hello, World"
print(b.lower(), b.upper(), b.swapcase(), b.title(), b.capitalize(), b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b.index(b"W"))
print(b.split(b", "), b.split(), b"a b  c".split(), b.replace(b"l", b"L"), b.startswith(b"He"), b.endswith((b"x", b"ld")))
print(b.strip(b"Hd"), b"  x ".strip(), b.partition(b","), b"-".join([b"a", b"b"]), b.center(16, b"*"), b.zfill(14))
print(b.isalpha(), b"abc".isalpha(), b"123".isdigit(), b"  ".isspace(), b"abc".islower(), b"ABC".isupper(), b"Ab1".isalnum())
print(b.hex(), b.hex(":"), b.hex("-", 2), bytes.fromhex("00ff7f"), b.decode("ascii"), b"caf\xc3\xa9".decode(), b"\xff\xfe".decode("latin-1"))
print(b"\xffabc".decode("utf-8", "replace"), b"\xffabc".decode("utf-8", "ignore"), b"\xffabc".decode("utf-8", "backslashreplace"))
print(bytes(5), bytes([1, 2, 3]), bytes(b"abc"), bytes("ß", "utf-8"), bytes(range(65, 70)), bytes(bytearray(b"x")), bytes(memoryview(b"mv")))
print(b[0], b[1:4], b[-1:], list(b[:3]), b * 2, b"%d-%s-%x" % (5, b"s", 255), b"%r" % "x", b"%c" % 65)
print(b"abc" == bytearray(b"abc"), b"abc" < b"abd", b"" < b"\x00", b"a" + bytearray(b"b"), type(b"a" + bytearray(b"b")))
print(b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"aXbXc".split(b"X", 1), b"abc".removeprefix(b"a"), b"x\ny".splitlines())
print(b"ab\x00".rstrip(b"\x00"), b"a\tb".expandtabs(4), b"abc".ljust(5, b"."), b"abc".rjust(5), repr(b"\x00\t\n\r\\'\x7f\x80"))
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes("abc")
except TypeError as e:
    print("TypeError:", e)
print(hash(b"abc") == hash(b"abc"), len(b""), bytes.__name__, b"ab".__class__.__name__, b"\x80abc".isascii())
