# Default arguments: evaluation time, mutability, keyword calls.
def f(a, b=2, c="x"):
    return a, b, c
print(f(1), f(1, 3), f(1, c="z"), f(a=0), f(c=1, b=2, a=3))
counter = 10
def g(x=counter):
    return x
counter = 20
print(g())
def h(item, acc=[]):
    acc.append(item)
    return acc
print(h(1), h(2), h(3, []))
print(f.__defaults__, g.__defaults__, f.__code__.co_argcount)
def k(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(k(1), k(2))
f.__defaults__ = (7, 8)
print(f(0))
for call in [lambda: f(), lambda: f(1, 2, 3, 4), lambda: f(1, a=2), lambda: f(1, d=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
