# bytes/bytearray constructors, repr, hash, compare, len, index, iteration.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for f in [lambda: bytes(), lambda: bytes(3), lambda: bytes([0, 65, 255]), lambda: bytes(range(3)),
          lambda: bytes('hé', 'utf-8'), lambda: bytes('hé', encoding='latin-1'), lambda: bytes(b'ab'),
          lambda: bytes(bytearray(b'xy')), lambda: bytes(memoryview(b'mv')), lambda: bytes((1, 2)),
          lambda: bytes(True), lambda: bytes(-1), lambda: bytes([256]), lambda: bytes(['a']),
          lambda: bytes(1.5), lambda: bytes('a'), lambda: bytes(1, 'utf-8'), lambda: bytes('a', 5),
          lambda: bytes(errors='x'), lambda: bytes('é', 'ascii'), lambda: bytes('x', 'nope'),
          lambda: bytes(None), lambda: bytes(1, 2, 3, 4), lambda: bytes(x=1)]:
    show(f)

class WithBytes:
    def __bytes__(self):
        return b'from dunder'

class BadBytes:
    def __bytes__(self):
        return 'str'

show(lambda: bytes(WithBytes()))
show(lambda: bytes(BadBytes()))

for f in [lambda: bytearray(), lambda: bytearray(2), lambda: bytearray(b'x'), lambda: bytearray('ab', 'ascii'),
          lambda: bytearray([1, 2]), lambda: bytearray(1.5), lambda: bytearray([300]), lambda: bytearray('a')]:
    show(f)

for b in [b'', b"it's", b'say "hi"', b'both \' and "', b'\x00\t\n\r\\\x7f\x80\xff', b'plain']:
    print(repr(b), repr(bytearray(b)), str(b))

b = b'hello'
print(len(b), b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:], list(b), tuple(b[:2]))
show(lambda: b[5])
show(lambda: b['x'])
show(lambda: bytearray(b'a')[3])
show(lambda: bytearray(b'a')[None])
print(hash(b'abc') == hash(b'abc'), hash(b''), b'abc' == bytearray(b'abc'), bytearray(b'abc') == b'abc')
print(b'a' < b'b', b'ab' > b'a', b'a' <= bytearray(b'a'), b'a' == 'a', b'a' != 'a', sorted([b'b', b'a', b'ab']))
show(lambda: hash(bytearray(b'x')))
show(lambda: b'a' < 'a')
print(b'ab' + b'cd', b'ab' + bytearray(b'c'), bytearray(b'a') + b'b', b'ab' * 2, 2 * b'ab', b'x' * 0, b'x' * -1)
show(lambda: b'a' + 'b')

print(b'a' in b'cab', 97 in b'a', b'' in b'', 300 in b'a' if False else None, b'ab' in bytearray(b'xaby'))
show(lambda: 'a' in b'a')
show(lambda: 300 in b'a')
it = iter(b'ab')
print(type(it).__name__, next(it), next(it), next(it, 'done'), type(iter(bytearray())).__name__)
print(bool(b''), bool(b'x'), bool(bytearray()), isinstance(b'', bytes), issubclass(bytearray, bytes))

class B(bytes):
    pass

class BA(bytearray):
    pass

x = B(b'sub')
print(type(x).__name__, repr(x), type(x + b'!').__name__, type(x[0:1]).__name__, type(x.upper()).__name__, repr(BA(b'q')))
print(B.fromhex('41 42'), type(B.fromhex('41')).__name__, bytearray.fromhex('ff00'), type(BA.fromhex('00')).__name__)
show(lambda: bytes.fromhex('0 1'))
show(lambda: bytes.fromhex('abc'))
show(lambda: bytes.fromhex(b'ab'))
print(b'x'.__getnewargs__(), bytes.__bytes__(b'q'))
match b'xy':
    case bytes(z):
        print('matched', z)
match bytearray(b'q'):
    case bytearray(w):
        print('matched', w)
