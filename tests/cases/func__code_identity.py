# A function's code object is one object: __code__, frames' f_code and generators'
# gi_code are the same object while it lives.
import sys

def f():
    return sys._getframe().f_code

def gen():
    yield sys._getframe().f_code

print(f.__code__ is f.__code__, f() is f.__code__)
g = gen()
print(next(g) is gen.__code__, g.gi_code is gen.__code__)
c = f.__code__
d = c.replace(co_name="other")
print(d is c, d.co_name, c.co_name, f.__code__ is c)
f.__code__ = d
print(f.__code__ is d, f.__code__ is c)
codes = {id(f.__code__) for _ in range(3)}
print(len(codes))
