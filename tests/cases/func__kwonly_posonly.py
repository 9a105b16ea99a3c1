# Keyword-only and positional-only parameters.
def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
for call in [lambda: f(1, 2, 3, 4), lambda: f(a=1, b=2, c=3, d=4), lambda: f(1, 2, 3),
             lambda: f(1, b=2, c=3, d=4)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
def h(*, only):
    return only
print(h(only=1))
try:
    h(1)
except TypeError as e:
    print("TypeError:", e)
def p(a, b=2, /, c=3):
    return a, b, c
print(p(1), p(1, 5), p(1, c=9), p(1, 2, 3))
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__kwdefaults__)
def many(a, b, *, c, d):
    pass
try:
    many(1)
except TypeError as e:
    print("TypeError:", e)
try:
    many(1, 2)
except TypeError as e:
    print("TypeError:", e)
