# compile() of trees broken at random (deterministically): fields deleted or set to wrong
# values; CPython's obj2ast/validator messages.
import ast, re, sys
SRC = '''\
import os, sys as s
from . import x
from m import (a as b, c)
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:
    """doc"""
    global g
    x = [i for i in range(3) if i]
    y = {k: v for k, v in x}
    z: int = 5
    a += 1
    del a
    return lambda q, *r: q
async def g():
    async with a as b:
        await c
    async for i in j:
        yield i
@dec
class C(B, metaclass=M):
    def m(self):
        nonlocal_ = 1
try:
    pass
except (E, F) as e:
    raise X from e
else:
    pass
finally:
    pass
while a < b <= c:
    break
else:
    pass
if not a and b or c:
    assert x, 'm'
elif d:
    pass
with open(f) as g, h:
    print(f'{x!r:>{w}}', *a, **k)
match p:
    case [1, *rest] | [2, *rest] if rest:
        pass
    case {'k': _, **kw}:
        pass
    case Point(x=0, y=yy) as pt:
        pass
    case None:
        pass
x = a if b else c[1:2, ::3]
s = {1, 2}; t = (1,); d = {**a, 'b': 1}; (q := 5); -x ** ~y
'''
state = [0]
def rnd():
    state[0] = (state[0] * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state[0] >> 11) / float(1 << 53)
def choice(xs):
    return xs[int(rnd() * len(xs))]
BAD = [None, 1, 'x', [], ast.Load(), ast.Store(), ast.Del(), ast.Pass(), ast.Constant(1), ast.Name('y', ast.Load()),
       ast.Name('z', ast.Store()), [None], [1], 1.5, -1, 0, True, ast.Add(), [ast.Pass()], [ast.Name('w', ast.Load())],
       (1, [2]), 'None', ast.arguments([], [], None, [], [], None, [])]


def clean(text):
    return re.sub(r' at 0x[0-9a-f]+', '', text)


def run(seed, trials, most):
    """`trials` trees, each with 1 to `most` random changes; print the last change and the result."""
    state[0] = seed
    for trial in range(trials):
        tree = ast.parse(SRC)
        ns = list(ast.walk(tree))
        what = 'nothing'
        for _ in range(1 + int(rnd() * most)):
            n = choice(ns)
            names = list(n._fields) + list(getattr(n, '_attributes', ()))
            if not names:
                continue
            f = choice(names)
            if rnd() < 0.3:
                try:
                    delattr(n, f)
                except AttributeError:
                    pass
                what = '%s.%s del' % (type(n).__name__, f)
            else:
                v = choice(BAD)
                if isinstance(v, list):
                    v = list(v)
                setattr(n, f, v)
                what = '%s.%s = %s' % (type(n).__name__, f, clean(repr(v)) if not isinstance(v, ast.AST) else type(v).__name__)
        try:
            compile(tree, 'f', 'exec')
            r = 'ok'
        except (TypeError, ValueError, SyntaxError, RecursionError, SystemError) as e:
            r = '%s: %s' % (type(e).__name__, clean(str(e)))
        print(seed, trial, what, '->', r)


for seed in (1, 4, 5, 6, 7):
    run(seed, 40, 1)
for seed in (1, 2, 3, 5, 7, 8, 10, 11):
    run(seed, 30, 3)
