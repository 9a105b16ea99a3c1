# nonlocal/global declarations across several levels; rebinding vs mutation.
counter = 0
def bump():
    global counter
    counter += 1
def outer():
    x = 0
    items = []
    def add(v):
        items.append(v)
    def set_x(v):
        nonlocal x
        x = v
    def middle():
        def inner():
            nonlocal x
            x += 100
        inner()
    add(1); set_x(5); middle()
    return x, items
bump(); bump()
print(counter, outer())
def make_accumulators():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    def reset():
        nonlocal total
        old, total = total, 0
        return old
    return add, reset
add, reset = make_accumulators()
print(add(3), add(4), reset(), add(1))
def shadowing():
    counter = "local"
    def g():
        global counter
        return counter
    return counter, g()
print(shadowing())
def declares_global_new():
    global brand_new
    brand_new = [1]
declares_global_new()
print(brand_new)
for src in ["def f():\n    x = 1\n    global x\n", "def f():\n    nonlocal y\n", "nonlocal z\n", "def f(a):\n    global a\n"]:
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
