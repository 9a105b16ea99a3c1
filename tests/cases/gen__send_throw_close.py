# Generator send/throw/close protocol.
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
g = acc()
print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
g = acc()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
c = catcher()
print(next(c), c.throw(ValueError("x")), next(c))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)
try:
    next(c)
except StopIteration:
    print("generator finished after uncaught throw")
def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("finally on close")
k = closer()
next(k)
k.close()
k.close()
print("closed twice ok")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
fresh = closer()
fresh.close()
print("close of unstarted generator runs nothing")
def typed_throw():
    try:
        yield
    except TypeError as e:
        yield repr(e)
t = typed_throw()
next(t)
print(t.throw(TypeError))
def running():
    yield gself.gi_running
gself = running()
print(next(gself))
def selfsend():
    yield gs.send(None)
gs = selfsend()
try:
    next(gs)
except ValueError as e:
    print("ValueError:", e)
