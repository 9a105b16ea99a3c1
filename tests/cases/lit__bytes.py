# Bytes literals.
print(b"abc", b'\x00\xff', br"\n", Rb"\x41", b"\101", b"tab\t", b'q\'', b"")
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], len(b), list(b))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(bytes(range(0, 256, 15))))
print(b"ab" + b"cd", b"ab" * 3, b"a" in b"cat", 99 in b"cat", b"abc" == b"abc", b"a" < b"b")
print(type(b), b.hex(), bytes.fromhex("de ad be ef"), b.decode())
