# The 'as' target is deleted at the end of the handler; exception state is restored.
import sys
try:
    raise ValueError("v")
except ValueError as err:
    saved = err
print("err" in dir(), repr(saved))
def f():
    e = "local before"
    try:
        raise KeyError("k")
    except KeyError as e:
        pass
    try:
        return e
    except UnboundLocalError as ex:
        return "UnboundLocalError: " + str(ex)
print(f())
try:
    raise TypeError("outer")
except TypeError:
    try:
        raise ValueError("inner")
    except ValueError:
        print("inside inner:", repr(sys.exc_info()[1]))
    print("back in outer:", repr(sys.exc_info()[1]))
print("after all:", sys.exc_info()[1])
def gen_exc_state():
    try:
        raise KeyError("in gen")
    except KeyError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
g = gen_exc_state()
print(next(g), sys.exc_info()[1])
print(next(g))
