# reversed() iterators pickle and restore their position (also for array.array).
import array, pickle
for seq in [(5, 6, 7), 'abc', array.array('i', [8, 9, 10])]:
    it = reversed(seq)
    next(it)
    r = it.__reduce__()
    print(type(it).__name__, r[0].__name__, r[2])
    it2 = pickle.loads(pickle.dumps(it))
    print(list(it2), list(it))
    print(it.__reduce__()[1], list(pickle.loads(pickle.dumps(it))))
it = reversed((1, 2, 3))
it.__setstate__(10)
print(list(it))
it = reversed((1, 2, 3))
it.__setstate__(-5)
print(list(it))
