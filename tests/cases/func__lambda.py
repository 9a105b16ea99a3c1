# Lambda expressions.
sq = lambda x: x * x
print(sq(7), (lambda: "noargs")(), (lambda *a, **k: (a, k))(1, b=2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print(sq.__name__, (lambda: 0).__name__, sq.__code__.co_argcount)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
print((lambda x, /, y=2, *, z=3: (x, y, z))(1, z=9))
print([(lambda v: v * 2)(i) for i in range(4)])
