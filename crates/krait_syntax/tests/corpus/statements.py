"""Module docstring."""
import os, sys as system, a.b.c as d
from . import x
from .. import y as z
from ...pkg.mod import (a, b as c,)
from mod import *
from __future__ import annotations
global g1, g2
x = y = z = 1
a, *b, (c, [d, e]) = f
x += 1; y -= 2; z @= 3;
x: int = 5
(y): str
obj.attr: int
obj[0]: list = []
del a, b[0], c.d, (e, f), [g]
assert x, "msg"
raise
raise E
raise E from None
pass; break_ = 1
if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass
while x:
    break
else:
    continue_ = 2
for i, (j, k) in enumerate(items):
    continue
else:
    pass
with open(f) as fh, lock, other() as (a, b):
    pass
with (open(f) as fh, lock):
    pass
with (a, b):
    pass
try:
    pass
except ValueError as e:
    pass
except (TypeError, KeyError):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* OSError as eg:
    pass
def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    """Doc."""
    nonlocal_ = 1
    return a
def g(*, a): return
def h(a, /): yield
def i(**kw): yield from x
@decorator
@decorator.attr(arg)
def decorated(x: int = 5, *y: str, z: "q" = None): ...
@dec
async def adef():
    await x
    async for a in b: pass
    async with c as d: pass
    return [i async for i in aiter() if await i]
class A: pass
class B(A, metaclass=M, **kw):
    x = 1
    def m(self): pass
@cls_dec
class C(*bases): pass
lam = lambda: 0
lam2 = lambda a, b=2, *c, d, e=5, **f: a + b
lam3 = lambda *, k: k
lam4 = lambda a, /, b: a
if (n := len(a)) > 10: pass
print(*args, sep='', **kw)
f(a)(b)(c)
f(x for x in y)
f((x for x in y))
f(a, (x for x in y))
a[1:2, ::3, 4]
a[:]
a[1:2:3]
a[...]
a[b, c]
a[(b, c)]
[x for x in y if x if not x for z in x]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
{**a, 'b': 1, **c}
{1, 2, *s}
[1, *l, 2]
x = yield
x = (yield y)
x = a if b else c
x = (1,)
x = ()
x = (((a)))
x = [a, b][0].c(d).e
def nl():
    global g
    def inner():
        nonlocal v
x = 1 ;
