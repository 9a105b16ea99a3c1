# memoryview over bytes and bytearray: len, indexing, slicing, tobytes, tolist, hex,
# readonly, release and the context manager.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

m = memoryview(b'abcdef')
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), m[::-1].tobytes(), m.tobytes(), m.tolist())
print(m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.obj, m[1:3].nbytes)
print(m == b'abcdef', m == bytearray(b'abcdef'), m[1:3] == b'bc', m == m, m != b'x', b'abcdef' == m, m == 'abcdef')
print(m.hex(), m[:2].hex(':'), list(m[1:3]), bytes(m[2:]), bytearray(m[:1]), hash(m) == hash(b'abcdef'))
show(lambda: m[10])
show(lambda: m.__setitem__(0, 1))
show(lambda: memoryview(5))
show(lambda: memoryview('text'))
ba = bytearray(b'xyz')
with memoryview(ba) as v:
    v[0] = 65
    v[1:3] = b'BC'
    print(v.readonly, v.tobytes(), ba)
    show(lambda: v.__setitem__(0, 300))
    show(lambda: v.__setitem__(slice(0, 2), b'q'))
    show(lambda: hash(v))
show(lambda: v.tobytes())
show(lambda: len(v))
show(lambda: v[0])
m2 = memoryview(b'123')
m2.release()
m2.release()
show(lambda: m2.tolist())
print(m2 == m2, b'%s' % memoryview(b'in format'), b'a'.join([memoryview(b'x'), b'y']), b'x' + memoryview(b'y'))
sub = memoryview(bytearray(b'0123456789'))[2:8:2]
print(sub.tobytes(), len(sub), sub[1], sub.strides)
