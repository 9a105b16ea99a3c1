# else and finally clauses and their ordering.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(False), run(True))
def ret_in_else():
    try:
        pass
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("finally before return")
print(ret_in_else())
def finally_overrides():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows exception"
print(finally_overrides())
def exc_in_finally():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
try:
    exc_in_finally()
except TypeError as e:
    print(repr(e), "context:", repr(e.__context__))
def count():
    n = 0
    for i in range(5):
        try:
            if i % 2:
                continue
            n += 1
        finally:
            n += 10
    return n
print(count())
x = 0
try:
    x = 1
finally:
    x += 1
print(x)
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in gen_finally():
    print(v)
    break
print("after loop")
