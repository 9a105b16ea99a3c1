# __module__ of native types, their repr, and the qualified names in error messages.
import itertools
import collections

for t in (itertools.count, itertools.repeat, collections.deque, int, type(iter([])), type(None)):
    print(t.__module__, t.__name__, t.__qualname__, t)
print(itertools.count(), itertools.repeat('x', 2), collections.deque([1]))

class Sub(itertools.count):
    pass
print(Sub.__module__, Sub.__mro__)

for t in ["itertools.count()[0]", "len(itertools.count())", "itertools.count() + 1",
          "itertools.count() < itertools.count()", "iter(collections.deque()) + 1",
          "-itertools.repeat(1)", "itertools.count()()", "hash(collections.deque())"]:
    try:
        eval(t)
    except TypeError as e:
        print(t, '->', e)
try:
    itertools.count.x = 1
except TypeError as e:
    print(e)
try:
    itertools.count().foo
except AttributeError as e:
    print(e)
