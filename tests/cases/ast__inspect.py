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
