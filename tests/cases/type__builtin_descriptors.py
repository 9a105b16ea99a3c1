# Kinds of builtin callables, module objects made by hand, __module__ of dynamic classes.
import sys
sys.path.insert(0, "pkgs")
print(type(list.append).__name__, type([].append).__name__, type(dict.fromkeys).__name__, type({}.fromkeys).__name__)
print(list.append, dict.fromkeys.__self__ is dict, dict.fromkeys("ab"), type(int.from_bytes).__name__, int.from_bytes(b"\x01\x00", "big"))
try:
    dict.fromkeys()
except TypeError as e:
    print("TypeError:", e)
M = type(sys)
m = M("made", "Doc of made.")
print(m.__name__, m.__doc__, M("bare").__doc__)
try:
    M()
except TypeError as e:
    print("TypeError:", e)
C = type("C", (), {})
print(C.__module__, repr(C), type(C.__doc__).__name__, type(object.__doc__).__name__)
try:
    from helper_mod import nothing_here
except ImportError as e:
    print(e.name, e.path is not None)
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
for n in [5, -1, 2**64, True]:
    try:
        print(len(L(n)))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for t in ["divmod()", "getattr(1)", "isinstance()", "(1,).index()", "[].insert(1)", "{}.get()", "'a'.replace(1)", "hasattr(1, 2, 3)", "[].pop(1, 2)", "setattr(1)", "iter()", "{}.get(k=1)"]:
    try:
        eval(t)
    except TypeError as e:
        print(t, "->", e)
