# array.array: range errors per typecode, type errors and method errors (CPython's messages).
import array

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for tc in 'bBhHiIlLqQfdu':
    for v in [-129, 128, 256, -32769, 65536, 2**31, -2**31 - 1, 2**32, 2**63, -2**63 - 1, 2**64, 1.5, 'x', 'xy', None]:
        try:
            array.array(tc, [v])
        except Exception as e:
            print(tc, repr(v), type(e).__name__, e)

a = array.array('i', [1, 2, 3])
show(lambda: array.array(1))
show(lambda: array.array('xy'))
show(lambda: array.array('z'))
show(lambda: array.array('b', 'abc'))
show(lambda: array.array('b', array.array('u', 'ab')))
show(lambda: array.array('u', array.array('b', [1])))
show(lambda: array.array('b', None))
show(lambda: array.array('b', 3))
show(lambda: array.array('h', b'\x01'))
show(lambda: array.array('b', x=1))
show(lambda: a + [1])
show(lambda: a + array.array('h'))
show(lambda: a['x'])
show(lambda: a[10])
show(lambda: a.__setitem__(10, 1))
show(lambda: a.__setitem__(slice(0, 1), [1]))
show(lambda: a.__setitem__(slice(0, 1), array.array('b', [1])))
show(lambda: a.__setitem__(slice(0, 3, 2), array.array('i', [1, 2, 3])))
show(lambda: a.__iadd__([1]))
show(lambda: a.__iadd__(array.array('h')))
show(lambda: a.extend(array.array('h')))
show(lambda: a.fromlist((1,)))
show(lambda: a.fromlist([1, 'x']))
show(lambda: a.fromunicode(1))
show(lambda: a.fromunicode('x'))
show(lambda: a.tounicode())
show(lambda: a.frombytes('x'))
show(lambda: a.frombytes(b'xx'))
show(lambda: a.index(99))
show(lambda: a.remove(99))
show(lambda: a.pop(10))
show(lambda: array.array('i').pop())
show(lambda: hash(a))
print(a)
show(lambda: array.array('u', b'\xff\xff\xff\xff').tounicode())

# __index__ / __eq__ that resize the array while it is being indexed.
victim = array.array('i', [1, 2, 3])
class Shrink:
    def __index__(self):
        del victim[:]
        return 2
    def __eq__(self, other):
        del victim[:]
        return True
show(lambda: victim[Shrink()])
victim.extend([1, 2, 3])
show(lambda: victim.__setitem__(Shrink(), 5))
victim.extend([1, 2, 3])
show(lambda: victim[Shrink():])
victim.extend([1, 2, 3])
show(lambda: victim.remove(Shrink()))
print(victim)
