# sys.settrace: call/line/return/exception events, local trace functions, lines of
# loops, exceptions, generators, with statements and comprehensions.
import sys

events = []
# This module's file as its code objects name it (also when run from a .pyc, where
# __file__ is the .pyc's path).
ME = (lambda: 0).__code__.co_filename


def tracer(frame, event, arg):
    if frame.f_code.co_filename != ME:
        return None
    if event == "exception":
        arg = arg[0].__name__
    elif event == "return" and not isinstance(arg, (int, str, type(None), list)):
        arg = type(arg).__name__
    events.append((event, frame.f_code.co_name, frame.f_lineno - FIRST, arg))
    return tracer


FIRST = sys._getframe().f_lineno


def simple():
    return 1


def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    while n > 0:
        n -= 1
    return total


def gen(n):
    for i in range(n):
        yield i
    return "done"


def raiser():
    raise ValueError("x")


def catcher():
    try:
        raiser()
    except ValueError:
        pass
    finally:
        x = 1
    try:
        {}["k"]
    except KeyError as e:
        y = 2
    return x + y


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def with_stmt():
    with Ctx() as c:
        z = 1
    return z


def comps():
    a = [x * 2 for x in range(3)]
    b = {x: x for x in range(2)}
    c = list(x for x in range(2))
    return len(a) + len(b) + len(c)


def propagate():
    raiser()


def outer():
    try:
        propagate()
    except ValueError:
        return "caught"


def one_liner(): return simple()


def kw(a, *, b=2):
    return a + b


sys.settrace(tracer)
simple()
loop(4)
list(gen(2))
catcher()
with_stmt()
comps()
outer()
one_liner()
kw(1, b=3)
lam = lambda q: q + 1
lam(1)
sys.settrace(None)
for e in events:
    print(*e)
print(sys.gettrace())
