# sys.setprofile: call/return for Python functions, c_call/c_return/c_exception for
# builtins; getprofile; a profile function's return value is ignored.
import sys

events = []


def profiler(frame, event, arg):
    name = frame.f_code.co_name
    if event.startswith("c_"):
        arg = arg.__name__
    elif event == "return" and not isinstance(arg, (int, str, type(None))):
        arg = type(arg).__name__
    events.append((event, name, arg))
    return "ignored"


def f(n):
    return len([n]) + g(n)


def g(n):
    try:
        int("x")
    except ValueError:
        pass
    return abs(-n)


def gen():
    yield 1
    yield 2


sys.setprofile(profiler)
print(sys.getprofile() is profiler)
f(3)
for v in gen():
    pass
sorted([3, 1, 2])
sys.setprofile(None)
for e in events:
    print(*e)
print(sys.getprofile())
