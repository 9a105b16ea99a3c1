# contextvars: argument errors, Context equality, run() with the current context.
import contextvars
for call in (lambda: contextvars.Context(1), lambda: contextvars.Context().run(),
             lambda: contextvars.ContextVar(), lambda: contextvars.ContextVar("a", "b")):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
var = contextvars.ContextVar("var")
ctx1, ctx2 = contextvars.Context(), contextvars.Context()
print(ctx1 == ctx2, ctx1 != ctx2)
def func1():
    var.set("spam")
    ctx2.run(lambda: print("in ctx2", var.get(None)))
    return contextvars.copy_context()
returned = ctx1.run(func1)
print(returned == ctx1, returned is ctx1, returned[var], ctx1 == ctx2)
print(ctx1.run(lambda *a, **k: (a, k), 1, 2, x=3))
print(ctx1 == 1)
