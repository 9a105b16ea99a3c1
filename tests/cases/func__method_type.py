# types.MethodType(function, instance): binding, calling, attributes, errors, and
# contextlib.ExitStack.enter_context (which binds __exit__ with it).
import contextlib
import types


class C:
    def __init__(self, n):
        self.n = n


def get(self, extra=0):
    return self.n + extra


c = C(5)
m = types.MethodType(get, c)
print(m(), m(extra=2), m.__self__ is c, m.__func__ is get, type(m).__name__)
print(types.MethodType(len, [1, 2, 3])())
for args in [(get,), (1, c), (get, None)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError", e)


class CM:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False


with contextlib.ExitStack() as stack:
    stack.enter_context(CM())
    print("body")
