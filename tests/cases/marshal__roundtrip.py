import marshal

values = [None, True, False, 0, 1, -5, 2**31, 2**100, -(2**70), 1.5, -0.0, float('inf'), 2j, 1 - 3.5j,
          '', 'abc', 'héllo ☃', b'', b'x\x00y', (), (1, 'a'), [1, [2, (3,)]], {'a': 1, 2: [3]},
          {1, 2}, frozenset([3]), ..., StopIteration]
# Versions 3 and 4 flag shared objects by CPython's reference counts (FLAG_REF), so only
# their round trip is compared; versions 0-2 are compared byte for byte.
for v in values:
    back = marshal.loads(marshal.dumps(v))
    print(repr(v), marshal.dumps(v, 2), back == v or back is v, type(back).__name__)

for version in range(5):
    d = marshal.dumps(('abc', 'abc', 1.25), version)
    print(version, d if version < 3 else '', marshal.loads(d))

print(marshal.dumps(bytearray(b'ab')), marshal.loads(bytearray(marshal.dumps(7))))
print(marshal.version)

class MyInt(int):
    pass

for bad in [object(), MyInt(3), [object()], {1: len}]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print('ValueError', e)

for data in [b'', b'i\x01', b'\x00', b'(\x02\x00\x00\x00N']:
    try:
        marshal.loads(data)
    except (EOFError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Trailing bytes are ignored.
print(marshal.loads(marshal.dumps(5) + b'junk'))

code = compile('result = [n * n for n in range(5)]', 'gen', 'exec')
code2 = marshal.loads(marshal.dumps(code))
ns = {}
exec(code2, ns)
print(ns['result'], code2.co_filename, code2.co_name, code2 == code)

# dump/load through a file object: load leaves the file just after the value.
import io
f = io.BytesIO()
marshal.dump({'k': (1, 2)}, f)
marshal.dump([None], f, 2)
f.write(b'tail')
f.seek(0)
print(marshal.load(f), marshal.load(f), f.read())
