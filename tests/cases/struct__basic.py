import struct
print(struct.calcsize('i'), struct.calcsize('@bhiq'), struct.calcsize('<bhiq'), struct.calcsize('=l'), struct.calcsize('@l'), struct.calcsize('3s2xH'), struct.calcsize('P'))
print(struct.pack('<hHiI', -2, 65535, -3, 7), struct.pack('>q', -1), struct.pack('!H', 258), struct.pack('@bi', 1, 2))
print(struct.unpack('<hHiI', struct.pack('<hHiI', -2, 65535, -3, 7)))
print(struct.pack('<d', 1.5), struct.pack('>f', -2.25), struct.pack('<e', 1.0), struct.pack('>e', 65504.0), struct.pack('<e', 1e-7))
print(struct.unpack('<d', struct.pack('<d', 0.1)), struct.unpack('>f', struct.pack('>f', 0.1)), struct.unpack('<e', struct.pack('<e', 0.333)))
print(struct.pack('5s', b'abc'), struct.pack('2s', b'abcdef'), struct.pack('5p', b'abc'), struct.unpack('5p', b'\x03abcxx'), struct.unpack('3s', b'xyz'))
print(struct.pack('?c', [], b'z'), struct.unpack('??c', b'\x00\x05q'))
print(struct.pack('<Q', 2**64 - 1), struct.unpack('<Q', b'\xff' * 8), struct.unpack('>q', b'\x80' + b'\x00' * 7))
s = struct.Struct('<2i')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')), list(s.iter_unpack(b'')))
ba = bytearray(8)
struct.pack_into('<hh', ba, 2, 1, -1); print(ba)
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 1), struct.unpack_from('<h', b'\x00\x01\x02\x03', offset=-2))
for bad in [lambda: struct.pack('b', 200), lambda: struct.pack('<h', 40000), lambda: struct.pack('B', -1), lambda: struct.pack('<I', -1),
            lambda: struct.pack('i', 'x'), lambda: struct.pack('ii', 1), lambda: struct.unpack('i', b'ab'), lambda: struct.calcsize('z'),
            lambda: struct.calcsize('<P'), lambda: struct.calcsize('12'), lambda: struct.pack('c', b'ab'), lambda: struct.pack('s', 'x'),
            lambda: struct.pack('f', 1e300), lambda: struct.pack('d', 'x'), lambda: struct.unpack_from('<i', b'ab', 1),
            lambda: struct.pack('<e', 1e6), lambda: struct.iter_unpack('<h', b'abc'), lambda: struct.pack('h', 70000), lambda: struct.pack('<i', 2**31)]:
    try:
        bad()
    except (struct.error, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(struct.error.__module__, issubclass(struct.error, Exception))
class S(struct.Struct):
    pass
print(S('>H').unpack(b'\x01\x02'))
