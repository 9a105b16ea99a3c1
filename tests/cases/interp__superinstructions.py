# Pairs of local/constant loads and stores run as one instruction (superinstructions);
# an unbound local in either half must still raise at the right place, and a jump into
# the second half of a pair must work.

def unbound_second():
    a = 1
    try:
        print(a, b)  # LOAD_FAST a; LOAD_FAST b (b unbound)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    b = 2
    return a, b

def unbound_first():
    try:
        return c + 1  # LOAD_FAST c; LOAD_CONST 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    c = 0

def const_then_unbound():
    try:
        return 5 - d  # LOAD_CONST 5; LOAD_FAST d
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    d = 0

def store_then_unbound():
    x = 3
    try:
        x = x + 1
        return e  # STORE_FAST x; LOAD_FAST e
    except UnboundLocalError as err:
        print("UnboundLocalError:", err, x)
    e = 0

def swap_and_loops(n):
    a, b = 0, 1  # STORE_FAST a; STORE_FAST b
    total = 0
    for i in range(n):
        a, b = b, a + b
        total = total + a
    x = y = total  # STORE_FAST x; STORE_FAST y via DUP
    return a, b, x, y

def jump_into_pair(n):
    # The loop's back edge lands on instructions that may be the second half of a pair.
    i = 0
    k = 10
    while i < n:
        k = k - 1
        i = i + 1
    return i, k

def del_between(flag):
    v = 1
    w = 2
    if flag:
        del w
    try:
        return v, w
    except UnboundLocalError as e:
        return str(e)

print(unbound_second())
print(unbound_first())
print(const_then_unbound())
print(store_then_unbound())
print(swap_and_loops(10))
print(jump_into_pair(7))
print(del_between(False), del_between(True))
try:
    unbound_first.__code__ and (lambda: q + q)()
except NameError as e:
    print(type(e).__name__, e)

def traceback_line():
    z = 1
    return z + zz  # noqa: the second load raises
    zz = 2
try:
    traceback_line()
except UnboundLocalError as e:
    import traceback
    tb = traceback.extract_tb(e.__traceback__)
    print(tb[-1].lineno - traceback_line.__code__.co_firstlineno, tb[-1].line)
