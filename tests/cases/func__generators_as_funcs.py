# Functions that return functions, functools-style partials built by hand, memoization.
def partial(fn, *pargs, **pkw):
    def call(*args, **kw):
        return fn(*pargs, *args, **{**pkw, **kw})
    return call
def power(base, exp, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
print(square(7), partial(power, 2)(10), partial(power, 2, mod=1000)(100))
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), len(fib.cache))
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
print(compose(str, lambda x: x * 2, abs)(-21))
def curry(f, n):
    def step(args):
        if len(args) == n:
            return f(*args)
        return lambda x: step(args + (x,))
    return step(())
print(curry(lambda a, b, c: a * 100 + b * 10 + c, 3)(1)(2)(3))
