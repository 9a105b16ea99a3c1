# bytearray: mutation methods.
ba = bytearray(b"hello")
ba[0] = ord("J")
ba.append(33)
ba.extend(b" world")
ba.insert(0, 62)
print(ba, len(ba), ba[1], ba[-1])
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("l"))
print(ba)
ba.reverse()
print(ba)
ba[1:3] = b"XYZW"
print(ba)
del ba[::2]
print(ba)
ba += b"++"
ba *= 2
print(ba, ba.upper(), ba.find(b"+"), ba.count(b"+"), ba.decode())
print(bytearray(3), bytearray([1, 255]), bytearray("é", "utf-8"), bytearray(b"abc") == b"abc", bytearray().hex())
ba2 = bytearray(b"abc")
print(ba2.copy(), ba2.copy() is ba2, ba2.replace(b"b", b"BB"), bytes(ba2), list(ba2))
ba2.clear()
print(ba2, len(ba2))
for bad in [lambda: bytearray(b"a").append(256), lambda: bytearray(b"a").pop(5), lambda: bytearray().pop(), lambda: bytearray(b"x").remove(0)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    hash(bytearray())
except TypeError as e:
    print("TypeError:", e)
print(bytearray.fromhex("41 42"), bytearray(b"abc")[::-1], bytearray(b"x") * 3, bytearray(b"a,b").split(b","))
