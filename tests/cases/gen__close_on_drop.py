# A suspended generator that is dropped is closed: finally blocks and with-exits run.
class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
def with_cm():
    with CM():
        yield 1
        yield 2
g = with_cm()
next(g)
del g
print("after del")
def inner():
    try:
        yield "inner"
    finally:
        print("inner finally")
def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")
o = outer()
print(next(o))
o = None
print("after rebinding")
def catches():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise
def use():
    c = catches()
    next(c)
    return "returned"
print(use())
def not_started():
    try:
        yield 1
    finally:
        print("never printed")
n = not_started()
del n
def locals_gen(a):
    b = a * 2
    yield b
lg = locals_gen(5)
print(lg.gi_frame.f_locals, lg.gi_frame.f_code.co_name)
next(lg)
print(sorted(lg.gi_frame.f_locals.items()), lg.gi_frame.f_lineno)
def at_exit():
    try:
        yield 1
    finally:
        print("closed at exit")
last = at_exit()
next(last)
del last
