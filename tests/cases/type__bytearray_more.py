# bytearray: in-place methods, slicing assignment with ints, conversions, comparisons.
ba = bytearray(b"Hello World")
ba[0:5] = b"HELLO"
ba[-1] = 0x44
ba.extend(range(33, 36))
ba += b"?"
print(ba, ba.lower(), ba.title(), ba.split(), ba.find(b"W"), ba.count(b"L"), ba.startswith(b"HE"))
del ba[5:]
ba.insert(2, ord("-"))
print(ba, ba.pop(), ba.index(b"-"), bytes(ba), ba.decode(), ba.hex(":"))
ba2 = bytearray(range(5))
ba2[1:4] = [9, 9]
ba2.reverse()
print(ba2, list(ba2), ba2 == bytearray([4, 9, 9, 0]), ba2 < b"\x05", ba2 * 2, 9 in ba2, b"\x09\x09" in ba2)
ba3 = bytearray(b"abc")
view = bytes(ba3)
ba3[0] = 122
print(ba3, view, ba3.upper(), ba3.zfill(5), ba3.center(7, b"."), ba3.replace(b"b", b"BBB"), ba3.strip(b"zc"))
try:
    ba3[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    ba3[10]
except IndexError as e:
    print("IndexError:", e)
print(bytearray(b"x").join([b"a", bytearray(b"b")]), type(bytearray(b"x").join([b"a"])).__name__, bytearray(b"a,b").partition(b","))
