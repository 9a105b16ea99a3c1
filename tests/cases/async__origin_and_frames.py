# sys.set_coroutine_origin_tracking_depth / cr_origin, and cr_frame / ag_frame / gi_frame
# while the object is running, suspended and finished.
import sys, types

async def c():
    pass

def make():
    return c()

print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())
x = make()
print([(f.rsplit("/", 1)[-1], line, name) for f, line, name in x.cr_origin])
x.close()
sys.set_coroutine_origin_tracking_depth(1)
x = make()
print(len(x.cr_origin), x.cr_origin[0][2])
x.close()
sys.set_coroutine_origin_tracking_depth(0)
x = make()
print(x.cr_origin)
x.close()
for bad in (-1, "2"):
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

@types.coroutine
def pause():
    yield

async def watched():
    f = me.cr_frame
    print("running frame:", f.f_code.co_name)
    await pause()
    return "done"

me = watched()
print(me.cr_frame.f_code.co_name, me.cr_running)
me.send(None)
print("suspended at", me.cr_frame.f_lineno)
try:
    me.send(None)
except StopIteration as e:
    print(e.value, me.cr_frame)

def gen():
    print("gen running frame:", g.gi_frame.f_code.co_name, g.gi_running)
    yield 1
g = gen()
print(list(g), g.gi_frame)

async def agen():
    print("agen running frame:", a.ag_frame.f_code.co_name)
    yield 1
a = agen()
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("agen yielded", e.value)
