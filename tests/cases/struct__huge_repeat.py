# A huge repeat count in a struct format is cheap until data of that size is needed
# (plistlib's invalid-binary checks rely on unpack failing fast).
import struct

for fmt in ('>2147483647B', '<1000000000Q', '100000000i2x3s'):
    print(fmt, struct.calcsize(fmt))
    try:
        struct.unpack(fmt, b'')
    except struct.error as e:
        print(e)
    try:
        struct.pack(fmt, 1, 2)
    except struct.error as e:
        print(e)
print(struct.unpack('>3H2s0i', b'\x00\x01\x00\x02\x00\x03ab'))
print(struct.pack('<2h3sx0q', 1, -1, b'xyz'))
print(list(struct.iter_unpack('>2B', b'\x01\x02\x03\x04')))

import plistlib
bad = (b'bplist00\x00\x08' b'\x00\x00\x00\x00\x00\x00\x01\x01' b'\x00\x00\x00\x00\x7f\xff\xff\xff'
       b'\x00\x00\x00\x00\x00\x00\x00\x00' b'\x00\x00\x00\x00\x00\x00\x00\x09')
try:
    plistlib.loads(bad, fmt=plistlib.FMT_BINARY)
except plistlib.InvalidFileException as e:
    print("InvalidFileException", e)
