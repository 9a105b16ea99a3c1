# Function objects: attributes, docstrings, annotations, introspection.
def f(a: int, b: "str" = "x", *args: float, c: bool = True, **kw) -> list:
    """Docstring of f."""
    return [a, b]
print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__annotations__)
print(f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_name, f.__code__.co_varnames, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_flags & 0x04 != 0, f.__code__.co_flags & 0x08 != 0)
f.custom = 5
print(f.custom, f.__dict__)
class C:
    def m(self):
        "method doc"
    class Inner:
        def n(self):
            def local():
                pass
            return local
print(C.m.__qualname__, C.Inner.n.__qualname__, C.Inner().n().__qualname__, C.m.__doc__)
def nodoc(): pass
print(nodoc.__doc__, nodoc(), type(nodoc).__name__, callable(nodoc))
print(type(C().m).__name__, C().m.__func__ is C.m, C().m.__self__.__class__.__name__)
def g(): return 1
print(g.__globals__ is globals(), "g" in g.__globals__)
