# Closures and cell variables.
def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(-1)(1), a5.__closure__[0].cell_contents)
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
print(c(), c(), c())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    x = "changed"
    return mid()()
print(outer())
def shared():
    v = []
    def push(x): v.append(x)
    def get(): return list(v)
    return push, get
push, get = shared()
push(1); push(2)
print(get())
def late():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print("NameError:", e)
    y = 1
    return f()
print(late())
print(make_adder.__code__.co_cellvars, a5.__code__.co_freevars)
