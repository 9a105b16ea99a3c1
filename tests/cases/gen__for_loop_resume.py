import sys
def numbers(n):
    for i in range(n):
        yield i
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
print(list(evens(numbers(10))))
total = 0
for x in evens(numbers(10)):
    total += x
print(total)

def raiser():
    yield 1
    raise ValueError("boom")
try:
    for x in raiser():
        print("got", x)
except ValueError as e:
    print("caught", e)

def stopper():
    yield 1
    raise StopIteration("x")
try:
    for x in stopper():
        print("got", x)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

def in_except():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]
for v in in_except():
    print("exc_info in gen:", v, sys.exc_info()[0])

try:
    raise TypeError("outer")
except TypeError:
    for v in numbers(2):
        print("in handler", v, sys.exc_info()[0].__name__)
    def show():
        yield sys.exc_info()[0].__name__
    for v in show():
        print("gen sees", v)

g = numbers(5)
for x in g:
    if x == 2:
        break
print("resume after break", next(g), list(g))

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
for x in fin():
    print(x)

def deep(n):
    if n == 0:
        yield 0
        return
    for x in deep(n - 1):
        yield x + 1
print(list(deep(50)))

def running():
    yield g2.gi_running
g2 = running()
for v in g2:
    print("gi_running", v)

def reenter():
    try:
        for x in g3:
            pass
    except ValueError as e:
        yield str(e)
g3 = reenter()
for v in g3:
    print(v)

def tb_gen():
    yield 1
    1 / 0
import traceback
try:
    for _ in tb_gen():
        pass
except ZeroDivisionError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([f.name for f in tb])
print(sum(x for x in numbers(100) if x % 3))
def ret():
    yield 1
    return 5
print(list(ret()))
def rec(n):
    if n:
        yield from rec(n-1)
    yield n
try:
    for x in rec(5000):
        pass
except RecursionError as e:
    print("RecursionError")

def inner():
    x = yield 1
    print("inner got", x)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield 2
g = outer()
print(next(g), g.send("hello"))
def flatten(rows):
    for row in rows:
        yield from row
print(list(flatten([[1, 2], (3,), iter([4, 5]), range(6, 8)])))
def failing():
    yield 1
    raise KeyError("sub")
def delegator():
    try:
        yield from failing()
    except KeyError as e:
        yield "delegator caught " + str(e)
print(list(delegator()))
