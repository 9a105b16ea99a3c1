# memoryview.cast to native struct formats, binascii/base64, BytesIO.getbuffer + pickle.
import base64, binascii, io, pickle

b = bytearray(range(16))
m = memoryview(b)
for f in 'BbcHhIiLlQqfd':
    c = m.cast(f)
    print(f, c.format, c.itemsize, c.nbytes, len(c), c.tolist()[:2], c[-1], c.strides, c.shape)
c = m.cast('I')
c[1] = 0xdeadbeef
print(b.hex(), c.cast('B')[4], c[1:3].tolist())
for bad in (-1, 'x', 2**32):
    try:
        c[0] = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for thunk in (lambda: m[:15].cast('I'), lambda: c.cast('H'), lambda: m.cast('I', [3]), lambda: m[::2].cast('H'), lambda: m.cast('x')):
    try:
        thunk()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(list(memoryview(b'\xff\xfe').cast('b')), hash(memoryview(b'ab').cast('c')) == hash(b'ab'))
print(memoryview(b'\xff' * 8).cast('Q')[0], memoryview(b'\xff' * 8).cast('q')[0], memoryview(bytes(8)).cast('d').readonly)

for d in [b'', b'a', b'ab', b'abc', bytes(range(256))]:
    e = base64.b64encode(d)
    print(e[-12:], base64.b64decode(e) == d, base64.urlsafe_b64encode(d)[-6:], binascii.crc32(d), binascii.crc_hqx(d, 0))
print(binascii.hexlify(b'abcdef', '-', 2), binascii.b2a_hex(b'\x01\x02', b':'), binascii.unhexlify('0aFf'))
print(binascii.b2a_base64(b'xy'), binascii.b2a_base64(b'xy', newline=False), binascii.crc32(b'hello', 12345))
print(base64.b64decode('YW Jj\nZA=='), base64.urlsafe_b64decode('-_-_'), base64.b32encode(b'hello'), base64.b16encode(b'hi'))
for bad in ['abc', 'zz']:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
for bad in ['YWJ', 'Y', 'YQ=', '=YWJj', 'YQ==YQ==', 'YW=Jj', 'Y!WJj']:
    for strict in (False, True):
        try:
            print(binascii.a2b_base64(bad, strict_mode=strict))
        except binascii.Error as e:
            print('Error', e)

f = io.BytesIO(b'abc')
v = f.getbuffer()
print(bytes(v), len(v), v.readonly, v.format)
for proto in (3, 4, 5):
    print(proto, pickle.loads(pickle.dumps([1, 'a', {2: (3.5, None)}, b'xy', 2**70], protocol=proto)))
