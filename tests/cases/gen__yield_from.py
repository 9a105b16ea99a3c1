# yield from: delegation, return values, send/throw forwarding.
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield 3
g = outer()
print(next(g), g.send("a"), g.send("b"))
print(list(outer()))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x for x in [9]))))
def sub():
    try:
        yield "s1"
        yield "s2"
    except KeyError:
        yield "sub handled"
def deleg():
    yield from sub()
    yield "after"
d = deleg()
print(next(d), d.throw(KeyError), next(d))
def closing_sub():
    try:
        yield 1
    finally:
        print("sub finally")
def closing_outer():
    yield from closing_sub()
c = closing_outer()
next(c)
c.close()
def flatten(x):
    if isinstance(x, list):
        for i in x:
            yield from flatten(i)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, []]], 5]])))
def ret_only():
    return 7
    yield
def user():
    v = yield from ret_only()
    yield v
print(list(user()))
def from_iter_send():
    yield from [1, 2]
fi = from_iter_send()
next(fi)
try:
    fi.send(5)
except AttributeError as e:
    print("AttributeError:", e)
