# Evaluation order: left to right for operands, arguments, subscripts, dict displays.
log = []
def v(tag, val=None):
    log.append(tag)
    return tag if val is None else val
def show(label):
    print(label, log)
    log.clear()
v("a", 1) + v("b", 2) * v("c", 3)
show("binop:")
def f(*args, **kw):
    return args
f(v("x"), v("y"), k=v("z"))
show("call args:")
{v("k1"): v("v1"), v("k2"): v("v2")}
show("dict display:")
d = {}
d[v("key")] = v("value")
show("subscript assign:")
v("l", [0, 1])[v("i", 0)] = v("rhs", 5)
show("item assign order:")
v("t", 1) if v("cond", 0) else v("e", 2)
show("ternary:")
v("p", 0) or v("q", 0) or v("r", 3)
show("or chain:")
v("c1", 1) < v("c2", 2) < v("c3", 0) < v("c4", 9)
show("chained compare:")
[v(str(i)) for i in range(3)]
show("listcomp:")
a, b = v("first"), v("second")
show("tuple rhs:")
