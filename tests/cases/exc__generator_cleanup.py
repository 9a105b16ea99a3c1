# Exceptions and cleanup inside generators: finally on exhaustion, exceptions crossing yields.
def gen(log):
    try:
        log.append("start")
        yield 1
        log.append("resumed")
        yield 2
    except ValueError as e:
        log.append(f"caught {e}")
        yield "after catch"
    finally:
        log.append("finally")
log = []
print(list(gen(log)), log)
log = []
g = gen(log)
next(g)
print(g.throw(ValueError("x")), log)
g.close()
print(log)
def wraps(inner):
    try:
        yield from inner
    except ZeroDivisionError:
        yield "outer caught"
def fails():
    yield 1
    1 / 0
print(list(wraps(fails())))
def try_in_loop():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
for v in try_in_loop():
    if v == 1:
        break
print("loop done")
