# Closures over loop variables, cells shared between functions, cells in class bodies.
def makers():
    fs = []
    for i in range(3):
        def f(j=i):
            return i, j
        fs.append(f)
    return fs
print([f() for f in makers()])
def pair():
    v = "start"
    def get():
        return v
    def put(x):
        nonlocal v
        v = x
    return get, put
g, p = pair()
p("changed")
print(g(), g.__code__.co_freevars, p.__closure__[0].cell_contents)
def class_in_func():
    secret = 41
    class K:
        value = secret + 1
        def m(self):
            return secret
    return K
K = class_in_func()
print(K.value, K().m())
def counter_gen():
    count = 0
    def tick():
        nonlocal count
        count += 1
        return count
    yield tick
    yield tick
    yield count
gen = counter_gen()
t1 = next(gen)
t1(); t1()
t2 = next(gen)
t2()
print(next(gen))
def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1
print(deep(1)(2)(3)(4), deep("a")("b")("c")("d"))
