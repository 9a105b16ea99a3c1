# Argument errors of one-argument builtins and methods, and object.__new__/__init__ rules.
for f in [lambda: len(), lambda: len(1, 2), lambda: len(obj=[]), lambda: abs(), lambda: [].append(),
          lambda: [].append(1, 2), lambda: "x".join(), lambda: ord()]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
class A:
    def __init__(self, x):
        self.x = x
class N:
    def __new__(cls, *a):
        return super().__new__(cls)
for f in [lambda: object.__new__(A, 1), lambda: object.__new__(N, 1), lambda: object.__init__(A(1), 2),
          lambda: object.__init__(N(), 2), lambda: object(1), lambda: object.__new__(5)]:
    try:
        print(type(f()).__name__)
    except TypeError as e:
        print("TypeError:", e)
def g(a, b, /, c):
    return a, b, c
for call in [lambda: g(1, 2, c=3), lambda: g(a=1, b=2, c=3), lambda: g(1, b=2, c=3, d=4), lambda: g(1, 2, 3, d=4)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
