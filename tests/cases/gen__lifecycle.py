# Generator lifecycle: states, gi_frame, gi_running, exhaustion, re-iteration.
def g():
    print("started")
    x = yield 1
    print("received", x)
    yield 2
    print("finishing")
gen = g()
print("created", gen.gi_frame is not None, gen.gi_frame.f_lineno if gen.gi_frame else None)
print(next(gen))
print(gen.send("hello"))
try:
    next(gen)
except StopIteration:
    print("exhausted", gen.gi_frame)
try:
    next(gen)
except StopIteration:
    print("still exhausted")
print(list(gen), gen.send(None) if False else "no send after end")
try:
    gen.send(1)
except StopIteration:
    print("send on finished raises StopIteration")
g2 = g()
g2.close()
try:
    next(g2)
except StopIteration:
    print("closed before start: StopIteration")
def counter():
    n = 0
    while True:
        n += 1
        yield n
c = counter()
print([next(c) for _ in range(5)], sum(x for x, _ in zip(c, range(3))))
def raises_later():
    yield 1
    raise KeyError("later")
r = raises_later()
print(next(r))
try:
    next(r)
except KeyError as e:
    print("KeyError", e)
try:
    next(r)
except StopIteration:
    print("dead after raising")
