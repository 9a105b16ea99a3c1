# list.sort detects any mutation made during the sort (even one that leaves the list
# empty again); keyword arguments of builtin constructors in subclasses.
from functools import cmp_to_key
L = [3, 1, 2]
def cmp(x, y):
    L.append(9)
    L.pop()
    return (x > y) - (x < y)
try:
    L.sort(key=cmp_to_key(cmp))
except ValueError as e:
    print("ValueError", e, L)
M = [5, 4]
M.sort(key=lambda x: -x)
print(M)

class L2(list):
    pass
class L3(list):
    def __new__(cls, *a, **kw):
        return super().__new__(cls)
class T2(tuple):
    pass
class T3(tuple):
    def __init__(self, seq, newarg=None):
        self.newarg = newarg
class F2(float):
    def __init__(self, x, newarg=None):
        self.newarg = newarg
for make in (lambda: L2(x=1), lambda: T2(x=1), lambda: list(x=1)):
    try:
        make()
    except TypeError as e:
        print("TypeError", e)
print(L3([1], newarg=2), T3((1, 2), newarg=3).newarg, F2(2.5, newarg=4).newarg)
