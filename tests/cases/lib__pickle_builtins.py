# Pickling builtin callables, descriptors, singletons, struct sequences and the builtin
# iterators (each needs its own __reduce__), across protocols.
import pickle, copy, time

class C:
    def meth(self):
        return 42

for obj in [len, [].append, list.append, list.__add__, [].__len__, str.index, dict.fromkeys,
            bytearray.maketrans, C().meth, ..., NotImplemented, slice(1, None, 3)]:
    for proto in (0, 2, 5):
        back = pickle.loads(pickle.dumps(obj, proto))
        print(proto, type(obj).__name__, back == obj or back is obj)
print(len.__reduce__(), list.append.__reduce__(), [1].append.__reduce__())
print(list.append.__objclass__, bytearray.maketrans.__qualname__, bytearray.maketrans.__module__)

st = time.gmtime(86400 * 365)
back = pickle.loads(pickle.dumps(st))
print(back == st, back.tm_zone, back.tm_gmtoff, type(back).__name__)
print(time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0), {"tm_zone": "XYZ"}).tm_zone)

def roundtrip(it):
    return list(pickle.loads(pickle.dumps(it)))

for seq in ([1, 2, 3, 4], (1, 2, 3, 4), "abcd", range(1, 9, 2), range(2**64, 2**64 + 4)):
    it = iter(seq)
    next(it)
    print(type(it).__name__, roundtrip(it), it.__length_hint__())
    r = reversed(seq)
    next(r)
    print(type(r).__name__, roundtrip(r), r.__length_hint__())
for make in (lambda: iter({1: 2, 3: 4, 5: 6}), lambda: iter({1: 2, 3: 4}.items()), lambda: iter({7, 8, 9})):
    it = make()
    next(it)
    print(type(it).__name__, sorted(roundtrip(it)), it.__length_hint__())
it = iter([1, 2])
list(it)
print(it.__reduce__(), roundtrip(it))
it = iter(range(10))
it.__setstate__(7)
print(list(it), list(copy.copy(iter("xyz"))))

for it in (enumerate("abc", 5), zip("ab", "cd"), map(abs, [-1, -2]), filter(None, [0, 1, 2]), reversed([1, 2, 3])):
    next(it)
    print(type(it).__name__, roundtrip(it))
print(pickle.loads(pickle.dumps(zip("ab", "cd", strict=True))).__reduce__()[2])
