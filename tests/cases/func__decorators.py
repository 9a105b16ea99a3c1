# Decorators: plain, with arguments, stacked, class decorators.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("ret", result)
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__, add.__wrapped__(5))
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))
order = []
def mark(tag):
    order.append("make " + tag)
    def d(fn):
        order.append("apply " + tag)
        return fn
    return d
@mark("a")
@mark("b")
def f():
    pass
print(order)
def register(cls):
    cls.registered = True
    return cls
@register
class C:
    pass
print(C.registered)
def replace(fn):
    return 42
@replace
def gone():
    pass
print(gone)
registry = {}
@lambda fn: registry.setdefault(fn.__name__, fn)
def via_lambda():
    return "ok"
print(registry["via_lambda"](), via_lambda())
