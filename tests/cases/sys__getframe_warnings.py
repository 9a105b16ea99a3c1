# sys._getframe: frame snapshots (code, line, locals, globals, f_back chain), then
# warnings.warn, which finds its caller's file and line through sys._getframe.
import sys


def chain(depth=0):
    names = []
    f = sys._getframe(depth)
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def outer():
    a = 1
    b = "two"

    def inner():
        c = a
        return sys._getframe(), sys._getframe(1), chain(), chain(1)

    return inner()


me, parent, names, names1 = outer()
print(me.f_code.co_name, me.f_lineno, sorted(me.f_locals.items()))
print(parent.f_code.co_name, parent.f_lineno, sorted(parent.f_locals))
print(me.f_back.f_code.co_name, me.f_back.f_back.f_code.co_name, me.f_back.f_back.f_back)
print(names, names1)
print(sys._getframe().f_code.co_name, sys._getframe().f_lineno, sys._getframe().f_back)
print(sys._getframe().f_globals is globals(), sys._getframe().f_locals is globals())
print(sys._getframe(-5).f_code.co_name, sys._getframe().f_builtins is __builtins__.__dict__)
print(type(me).__name__, me.f_lasti > 0)


class Body:
    x = 5
    frame = sys._getframe()
    print(frame.f_code.co_name, sorted(frame.f_locals), frame.f_back.f_code.co_name)


for bad in (100, 2 ** 31, -2 ** 31 - 1):
    try:
        sys._getframe(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    sys._getframe(1.0)
except TypeError as e:
    print("TypeError", e)

import warnings


class MyWarning(UserWarning):
    pass


def helper():
    warnings.warn("from helper", RuntimeWarning)
    warnings.warn("for the caller", stacklevel=2)


warnings.warn("plain")
warnings.warn("custom category", MyWarning)
warnings.warn(DeprecationWarning("an instance"))
helper()
for i in range(3):
    warnings.warn("once per location")
print("done")
