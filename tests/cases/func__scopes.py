# global, nonlocal, and local scope rules.
x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def write():
    global x
    x = "rewritten"
print(read(), shadow(), x)
write()
print(x)
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 1
unbound()
def outer():
    a = 1
    def inner():
        nonlocal a
        a += 1
        b = a * 10
        return b
    r = inner()
    return a, r
print(outer())
def make():
    global created
    created = "made"
make()
print(created)
def deep():
    v = 0
    def l1():
        def l2():
            nonlocal v
            v += 5
        l2()
    l1()
    return v
print(deep())
class K:
    y = 10
    z = [y * 2]
    w = [y for _ in range(2)] if False else None
    def m(self):
        return y_global
y_global = "yg"
print(K.z, K.w, K().m())
try:
    class K2:
        y = 10
        vals = [y + i for i in range(2)]
except NameError as e:
    print("NameError:", e)
g = 1
def reads_then_global():
    global g
    g += 1
    return g
print(reads_then_global(), g)
print(sorted(k for k in globals() if not k.startswith("__"))[:5])
