# array.array: construction, repr, items, slicing, arithmetic, comparisons, methods.
import array

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for tc in array.typecodes:
    a = array.array(tc)
    print(tc, a, a.itemsize, a.typecode, len(a))

a = array.array('i', [1, 2, 3, -4])
print(a, a[0], a[-1], a[1:3], a[::-1], a[::2])
print(list(a), a.tolist(), 2 in a, 7 in a, a.count(2), a.index(3))
a.append(5); a.extend([6, 7]); a.insert(0, 0); a.insert(-100, -1); a.insert(100, 100)
print(a)
print(a.pop(), a.pop(0), a)
a.remove(-4); a.reverse()
print(a)
a[0] = 42; a[1:3] = array.array('i', [9, 9, 9]); del a[-1]
print(a)
del a[::2]
print(a)
a[::2] = array.array('i', [0] * len(a[::2]))
print(a)
b = array.array('i', [1, 2]) + array.array('i', [3])
print(b, b * 2, 2 * b, b * 0, b * -1)
b += array.array('i', [4]); b *= 2
print(b)
print(array.array('d', [1.5, 2]), array.array('f', [0.1]), array.array('u', 'héllo'))
print(array.array('u', 'abc').tounicode(), array.array('b', b'\x01\xff'), array.array('h', array.array('b', [1, 2])))
print(array.array('i', (x * x for x in range(5))), array.array('B', range(3)))
print(array.array('i', [1, 2]) == array.array('i', [1, 2]), array.array('i', [1, 2]) < array.array('i', [1, 3]))
print(array.array('i', [1, 2]) == array.array('d', [1.0, 2.0]), array.array('i', [1]) < array.array('i', [1, 0]))
print(array.array('d', [float('nan')]) == array.array('d', [float('nan')]), array.array('i') == [])
print(bytes(array.array('h', [1, 256])), array.array('I', [1]).tobytes())
c = array.array('h', [1, 2]); c.byteswap(); print(c)
c.frombytes(b'\x03\x00'); c.fromlist([4]); print(c)
u = array.array('u', 'ab'); u.fromunicode('cd'); print(u, u[1], list(u))
print(type(a.buffer_info()), a.buffer_info()[1] == len(a))
print(a.__copy__(), type(iter(a)).__name__, list(reversed(array.array('i', [1, 2, 3]))))
show(lambda: array.array('i', [1, 2]).__reduce_ex__(2))
show(lambda: array.array('i', [1, 2]).__reduce_ex__(3)[1])
show(lambda: array.array('u', 'ab').__reduce_ex__(4)[1])
show(lambda: array._array_reconstructor(array.array, 'i', 9, b'\x00\x00\x00\x01\xff\xff\xff\xfe'))
show(lambda: array._array_reconstructor(array.array, 'd', 15, b'?\xf0\x00\x00\x00\x00\x00\x00'))
show(lambda: array._array_reconstructor(array.array, 'u', 19, b'\x00a\x00b'))
show(lambda: array._array_reconstructor(array.array, 'b', 2, b'\x01\x00'))
show(lambda: array._array_reconstructor(array.array, 'x', 2, b''))
show(lambda: array._array_reconstructor(array.array, 'b', 99, b''))
show(lambda: array._array_reconstructor(1, 'b', 1, b''))
show(lambda: array._array_reconstructor(int, 'b', 1, b''))
show(lambda: array._array_reconstructor(array.array, 'b', 1, ''))

class Sub(array.array):
    pass
s = Sub('i', [1, 2])
print(s, type(s[:1]).__name__, type(s + s).__name__, type(s.__copy__()).__name__)
print(array.ArrayType is array.array)
try:
    array.array[int]
except TypeError as e:
    print('TypeError', e)
