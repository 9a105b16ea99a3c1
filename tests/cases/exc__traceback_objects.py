# Traceback objects: tb_next chain, tb_lineno, tb_frame.f_code.co_name.
def level3():
    raise ValueError("deep")
def level2():
    level3()
def level1():
    level2()
try:
    level1()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
def reraiser():
    try:
        level3()
    except ValueError as e:
        raise
try:
    reraiser()
except ValueError as e:
    n = 0
    tb = e.__traceback__
    while tb:
        n += 1
        tb = tb.tb_next
    print("frames after re-raise:", n)
e = ValueError("fresh")
print(e.__traceback__)
try:
    raise e
except ValueError:
    pass
print(e.__traceback__ is not None, e.__traceback__.tb_frame.f_code.co_name)
e2 = e.with_traceback(None)
print(e2 is e, e.__traceback__)
import sys
try:
    1 / 0
except ZeroDivisionError:
    et, ev, etb = sys.exc_info()
    print(et.__name__, etb.tb_lineno, etb is ev.__traceback__)
print(sys.exc_info())
