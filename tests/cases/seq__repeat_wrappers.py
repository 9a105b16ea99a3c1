# seq.__mul__/__rmul__/__imul__ of builtin sequences raise for a non-integer count; the
# operator falls back to the other operand and names it in its error.
import array, collections
for obj in [[1], (1,), array.array('b', [1]), collections.deque([1])]:
    for m in ['__mul__', '__rmul__', '__imul__']:
        f = getattr(obj, m, None)
        if f is None:
            print(type(obj).__name__, m, 'missing'); continue
        try: print(type(obj).__name__, m, f("bad"))
        except TypeError as e: print(type(obj).__name__, m, 'TypeError', e)
        try: print(type(obj).__name__, m, f(2))
        except TypeError as e: print(type(obj).__name__, m, 'TypeError', e)
class X:
    def __rmul__(self, o): return 'rmul'
print([1] * X(), array.array('b') * X())
try: print(array.array('b') * 'x')
except TypeError as e: print(e)
