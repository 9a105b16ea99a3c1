# Builtin functions pickle by name; bound builtin methods as getattr(self, name).
import pickle
print(len.__reduce__(), pickle.loads(pickle.dumps(abs))(-3))
m = [1, 2].append
r = m.__reduce__()
print(r[0].__name__, r[1])
f = pickle.loads(pickle.dumps([3].index))
print(f(3))
try:
    int[5]
except TypeError as e:
    print(e)
