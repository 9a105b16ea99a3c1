# Lib's core modules import and their basics work (collections, functools, os.path, io, types).
import collections
import collections.abc
import functools
import os
import io
import types
import abc

Point = collections.namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x + p.y, p._replace(y=5), p._asdict())
od = collections.OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print(list(od), od)
c = collections.Counter("abracadabra")
print(c.most_common(3))
dd = collections.defaultdict(list)
dd["k"].append(1)
print(dict(dd))
dq = collections.deque([1, 2, 3], maxlen=3)
dq.append(4)
print(list(dq), dq.maxlen)


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info().hits > 0)
add3 = functools.partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3), functools.reduce(lambda a, b: a * b, range(1, 8)))
print(os.path.join("a", "b", "c.txt"), os.path.splitext("x/y.tar.gz"), os.path.basename("/p/q.py"), os.sep)
s = io.StringIO()
s.write("hello\nworld\n")
print(s.getvalue().splitlines())
print(types.GenericAlias, types.UnionType, types.FunctionType)


class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...


try:
    Base()
except TypeError as e:
    print("TypeError:", e)
print(isinstance({}, collections.abc.Mapping), isinstance([], collections.abc.MutableSequence))
