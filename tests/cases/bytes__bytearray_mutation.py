# bytearray mutation: item/slice assignment and deletion, list-like methods, += and *=.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(b'hello')
ba[0] = 72
ba[-1] = ord('O')
print(ba)
ba[1:3] = b'EY'
print(ba)
ba[1:3] = [65, 66, 67]
print(ba)
ba[::2] = b'xyz'
print(ba)
del ba[0]
print(ba)
del ba[::2]
print(ba)
ba[len(ba):] = bytearray(b'++')
print(ba)
ba[:0] = memoryview(b'<<')
print(ba)
del ba[1:3]
print(ba, len(ba))
ba[1:1] = range(48, 51)
print(ba)
for f in [lambda: ba.__setitem__(100, 1), lambda: ba.__setitem__(0, 256), lambda: ba.__setitem__(0, 'a'),
          lambda: ba.__setitem__('a', 1), lambda: ba.__delitem__(100), lambda: ba.__setitem__(slice(0, 1), 5),
          lambda: ba.__setitem__(slice(0, 1), 'ab'), lambda: ba.__setitem__(slice(0, 4, 2), b'x'),
          lambda: ba.__setitem__(slice(0, 1), [300]), lambda: ba.__setitem__(slice(0, 1), None)]:
    show(f)
b2 = bytearray(b'abc')
b2.append(100)
b2.extend(b'ef')
b2.extend([103, 104])
b2.extend(x for x in b'ij')
b2.insert(0, 95)
b2.insert(-1, 45)
b2.insert(100, 33)
print(b2, b2.pop(), b2.pop(0), b2.pop(-2), b2)
b2.remove(ord('c'))
print(b2)
b2.reverse()
print(b2)
c = b2.copy()
c.clear()
print(c, b2, c is b2)
for f in [lambda: b2.append(256), lambda: b2.append('a'), lambda: b2.extend(5), lambda: b2.extend('ab'),
          lambda: bytearray().pop(), lambda: b2.pop(99), lambda: b2.remove(0), lambda: b2.insert(0, 999)]:
    show(f)
x = bytearray(b'ab')
y = x
x += b'cd'
x += bytearray(b'e')
x *= 2
print(x, y is x)
show(lambda: x.__iadd__('s'))
print(bytearray.__hash__, b2 == bytearray(b2), bytearray(b'abc') < bytearray(b'abd'))
z = bytearray(b'abc')
it = iter(z)
print(next(it))
z.append(100)
print(list(it))
