# copy/deepcopy/pickle of sets, frozensets and their subclasses (set.__reduce__ carries
# the instance state), slices and struct sequences.
import copy, pickle, time

class S(set):
    pass

class F(frozenset):
    __slots__ = ("tag",)

s = S([1, 2, 3])
s.note = "n"
f = F([4, 5])
f.tag = "t"
for obj in (set(), {1, (2, 3)}, frozenset("ab"), s, f):
    d = copy.deepcopy(obj)
    p = pickle.loads(pickle.dumps(obj, 2))
    print(type(d).__name__, sorted(d, key=repr) == sorted(obj, key=repr), type(p).__name__, p == obj)
print(copy.deepcopy(s).note, pickle.loads(pickle.dumps(f)).tag)
print(set([1, 2]).__reduce__()[0].__name__, S([1]).__reduce__()[2])
print(copy.deepcopy(slice(1, [2], 3)), copy.copy(time.gmtime(0)) == time.gmtime(0))
