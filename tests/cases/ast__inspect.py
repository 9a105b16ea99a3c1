# inspect: signature, parameters, getsource, getmembers, isfunction & co.
import inspect

def f(a, b: int = 2, /, c=3, *args, d, e: 'str' = 'x', **kw) -> bool:
    """Docstring of f."""
    return True

class K:
    """K doc."""
    attr = 1
    def method(self, x, y=None):
        return x
    @classmethod
    def cm(cls, z): pass
    @staticmethod
    def sm(w=1): pass
    @property
    def prop(self): return 1

sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default, p.annotation)
print(sig.return_annotation)
print(inspect.signature(K.method), inspect.signature(K().method), inspect.signature(K.cm), inspect.signature(K.sm))
print(inspect.signature(lambda x, *y: 0))
b = sig.bind(1, d=4)
b.apply_defaults()
print(b.arguments)
print(inspect.getdoc(f), inspect.getdoc(K))
print(inspect.getsource(f))
print(inspect.getsource(K.method))
print(inspect.getsourcelines(K.sm)[1])
print([n for n, _ in inspect.getmembers(K) if not n.startswith('__')])
print(inspect.isfunction(f), inspect.isclass(K), inspect.ismethod(K().method), inspect.ismodule(inspect))
print(inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f))
def gen():
    yield 1
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()))
print(inspect.getmodule(f).__name__, inspect.getfile(f).endswith('ast__inspect.py'))
print(inspect.cleandoc("""
    Indented
      more
    end
"""))
print(inspect.getfullargspec(f))
print(inspect.Parameter('x', inspect.Parameter.KEYWORD_ONLY, default=1))
frame = inspect.currentframe()
print(frame.f_code.co_name, inspect.getframeinfo(frame).function)

# Signatures of builtins (from __text_signature__) and of plain classes.
import sys
for f in [len, dict.get, {}.get, str.split, 'a'.split, list.append, [].append, sys.getsizeof, isinstance, iter, divmod, str.join]:
    try:
        print(f.__name__, repr(f.__text_signature__), inspect.signature(f))
    except ValueError as e:
        print(f.__name__, 'ValueError', e)
class Plain:
    pass
print(inspect.signature(Plain), inspect.signature(K), repr(object.__text_signature__))
try:
    inspect.signature(int)
except ValueError as e:
    print('ValueError', e)
import types
print(types.WrapperDescriptorType, types.MethodWrapperType, type(object.__init__), type(object().__str__))
print(inspect.getsource(K).splitlines()[0], inspect.getcomments(K))
print(inspect.getclosurevars(lambda: sys).globals.keys())
class A:
    def __init__(self, x):
        super().__init__(x)
try:
    A(1)
except TypeError as e:
    print('TypeError', e)
