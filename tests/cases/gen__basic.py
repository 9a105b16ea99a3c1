# Generator functions: yield, state, return values, StopIteration.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
g = count(3)
print(type(g).__name__, list(g))
g = count(1)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def gen_state():
    yield 1
g = gen_state()
print(g.gi_running, g.gi_frame is not None)
next(g)
try:
    next(g)
except StopIteration:
    pass
print(g.gi_frame)
def empty():
    return
    yield
print(list(empty()))
def with_try():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
print(list(with_try()))
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def squares(it):
    for x in it:
        yield x * x
print(list(squares(evens(range(10)))))
def raising():
    yield 1
    raise ValueError("inside gen")
r = raising()
print(next(r))
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
print(list(r))
def bad_stop():
    yield 1
    raise StopIteration("converted")
try:
    list(bad_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
print(count.__name__, count(2).__name__, count(2).__qualname__)
