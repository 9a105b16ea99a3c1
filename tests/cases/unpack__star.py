# Starred assignment targets and starred expressions.
a, *b = [1, 2, 3]
print(a, b)
*a, b = "hello"
print(a, b)
a, *b, c = range(2)
print(a, b, c)
a, *b, c = range(10)
print(a, b, c)
(a, *b), *c = [1, 2], 3, 4
print(a, b, c)
*a, = ()
print(a)
first, *_, last = (1, 2, 3, 4, 5)
print(first, last, _)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
print(*[1, 2], *"ab", sep="-")
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(), *range(2), **{"x": 1}, y=2, **{"z": 3}))
try:
    f(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)
print([*range(3), *{4: 0}], (*[],), {*()})
d = {"a": 1}
print({**d, **{"b": 2}}, dict(**d, c=3))
for x, *rest in [(1, 2, 3), (4,), "ab"]:
    print(x, rest)
