# array.array: tofile/fromfile, pickling at every protocol, iterator pickling, copy.
import array, copy, io, pickle, os, tempfile

a = array.array('h', range(10))
path = os.path.join(tempfile.mkdtemp(), 'arr.bin')
with open(path, 'wb') as f:
    a.tofile(f)
    f.write(a)
b = array.array('h')
with open(path, 'rb') as f:
    b.fromfile(f, 15)
    print(b)
    try:
        b.fromfile(f, 10)
    except EOFError as e:
        print('EOFError', e, len(b))
os.remove(path)
try:
    b.fromfile(io.BytesIO(b''), -1)
except ValueError as e:
    print('ValueError', e)
bio = io.BytesIO()
array.array('d', [1.5]).tofile(bio)
print(bio.getvalue())

for tc in 'bBuhHiIlLqQfd':
    x = array.array(tc, 'abc' if tc == 'u' else [1, 2, 3])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        y = pickle.loads(pickle.dumps(x, proto))
        assert y == x and type(y) is array.array, (tc, proto)
    print(tc, 'ok', copy.deepcopy(x))

class Sub(array.array):
    pass
s = Sub('i', [5, 6])
s.attr = 'kept'
t = pickle.loads(pickle.dumps(s, 4))
print(type(t).__name__, t, t.attr)

it = iter(array.array('i', [1, 2, 3]))
next(it)
it2 = pickle.loads(pickle.dumps(it))
print(list(it2), list(it))
print(list(pickle.loads(pickle.dumps(it))))
e = iter(array.array('i'))
print(list(e), e.__reduce__()[1])
