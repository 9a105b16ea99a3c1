import contextvars
from contextvars import ContextVar, Context, copy_context, Token
v = ContextVar('v', default=0)
w = ContextVar('w')
print(v.name, v.get(), w.get('dflt'))
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)
t = v.set(5)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
ctx = copy_context()
print(ctx[v], v in ctx, w in ctx, len(ctx), list(ctx) == [v], ctx.get(w, 'none'))
def f(x, y=1):
    v.set(x + y)
    w.set('in')
    return v.get(), w.get()
print(ctx.run(f, 10, y=2))
print(v.get(), ctx[v], ctx[w], w.get(None))
print(sorted(ctx.values(), key=str), len(ctx.items()), len(ctx.keys()))
v.reset(t)
print(v.get())
for bad in [lambda: v.reset(t), lambda: w.reset(t), lambda: ctx[1], lambda: ctx[ContextVar('q')], lambda: ctx.run(lambda: ctx.run(print)), lambda: ContextVar(1), lambda: v.reset(5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0][:40])
t2 = v.set(7)
c2 = Context()
def g():
    try:
        v.reset(t2)
    except ValueError as e:
        print('ValueError', 'different Context' in str(e))
    print(v.get())
c2.run(g)
print(ContextVar[int], len(Context()))
import decimal, fractions
decimal.getcontext().prec = 6
print(decimal.Decimal(1) / decimal.Decimal(7))
with decimal.localcontext() as lc:
    lc.prec = 3
    print(decimal.Decimal(2).sqrt())
print(decimal.Decimal('1.10') + decimal.Decimal('2.205'), decimal.Decimal(1) / decimal.Decimal(7))
print(fractions.Fraction(3, 4) + fractions.Fraction('1/3'), fractions.Fraction(0.125), fractions.Fraction(decimal.Decimal('0.5')))
