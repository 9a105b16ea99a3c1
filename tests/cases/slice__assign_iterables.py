# Slice assignment takes any iterable (PySequence_Fast), for list and bytearray.
class Seq:
    """Iterable only through __getitem__."""
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError(i)

l = [1, 2, 3, 4]
l[1:2] = (9, 8); print(l)
l[0:1] = iter([5, 6]); print(l)
l[:] = 'ab'; print(l)
l[1:] = Seq(); print(l)
l[::2] = (7, 7); print(l)
l[1:1] = {1: 2}; print(l)
l[1:2] = range(3); print(l)
l[0:0] = (x for x in 'xy'); print(l)
l[2:5] = frozenset([42]); print(l)
l[-1:] = l; print(l)
for bad in (5, None, 1.5):
    try:
        l[1:2] = bad
    except TypeError as e:
        print('TypeError', e)
try:
    l[::2] = 5
except TypeError as e:
    print('TypeError', e)
try:
    l[::2] = (1,)
except ValueError as e:
    print('ValueError', e)

def gen_fails():
    yield 1
    raise TypeError('from the generator')
try:
    l[0:1] = gen_fails()
except TypeError as e:
    print('TypeError', e)

b = bytearray(b'abcd')
b[1:2] = (65, 66); print(b)
b[0:1] = iter([67]); print(b)
b[:1] = Seq(); print(b)
b[1:3] = memoryview(b'zz'); print(b)
for bad in (5, 'x'):
    try:
        b[1:2] = bad
    except TypeError as e:
        print('TypeError', e)
