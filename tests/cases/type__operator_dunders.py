# Builtin types have only the operator dunders of the slots they fill (str has __rmul__
# and __rmod__ but no __radd__; list has no __bool__; int has no __matmul__).
ops = "add sub mul matmul truediv floordiv mod pow lshift rshift and or xor".split()
names = [f"__{p}{o}__" for o in ops for p in ("", "r", "i")] + ["__bool__", "__len__"]
for t in (int, bool, float, complex, str, bytes, bytearray, list, tuple, set, frozenset, dict, range):
    print(t.__name__, [n for n in names if n in t.__dict__])
print(hasattr([], "__lshift__"), hasattr("", "__radd__"), hasattr(1, "__matmul__"), bool(range(0)), range(3).__bool__())
print(list.__iadd__([1], [2]), set.__ior__({1}, {2}), dict.__ror__({1: 2}, {3: 4}), str.__rmod__("%s", "x%s"))
