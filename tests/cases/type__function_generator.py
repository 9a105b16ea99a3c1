# function and generator object types.
def f(x, y=1):
    "doc"
    return x + y
def g():
    yield 1
print(type(f).__name__, type(g()).__name__, type(f.__code__).__name__, f.__code__.co_filename.endswith(".py"))
print(f.__name__, f.__doc__, f.__defaults__, f(1), f.__call__(2), callable(f), hasattr(f, "__get__"))
gen = g()
print(gen.__name__, hasattr(gen, "send"), hasattr(gen, "__next__"), iter(gen) is gen, gen.gi_code.co_name)
print(list(gen), gen.gi_frame)
bound = "abc".upper
print(type(bound).__name__, bound(), bound.__self__, bound.__name__)
class C:
    def m(self): return self
c = C()
print(type(c.m).__name__, c.m() is c, c.m.__func__ is C.m, C.m(c) is c, c.m == c.m, c.m is c.m)
print(f.__code__.co_varnames, f.__code__.co_nlocals, f.__code__.co_consts[0] if f.__code__.co_consts else None)
h = f
del f
print(h(5), h.__name__)
print((lambda: (yield)).__code__.co_flags & 0x20 != 0, g.__code__.co_flags & 0x20 != 0)
