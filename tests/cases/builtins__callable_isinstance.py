# callable, isinstance, issubclass with tuples, nested tuples, abstract checks.
class A: pass
class B(A): pass
class C: 
    def __call__(self): return "called"
print([callable(x) for x in [A, A(), C(), print, len, lambda: 0, 1, "s", C.__call__, A.__init__, type]])
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (int, (str, A))), isinstance(1, ()), isinstance(True, (bool,)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (int, A)), issubclass(bool, int), issubclass(int, (bool, str)))
print(isinstance(1, int | str), isinstance("s", int | None), isinstance(None, int | None), issubclass(bool, int | float))
print(isinstance(A, type), isinstance(type, type), isinstance(object, object), issubclass(type, object), issubclass(object, type))
print(isinstance(3, float), isinstance(3.0, float), isinstance(3j, complex), isinstance(b"", bytes), isinstance(bytearray(), bytes))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, "x"), lambda: isinstance(1, (int, 1))]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
