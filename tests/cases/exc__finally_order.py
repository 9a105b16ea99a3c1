# Order of except/else/finally execution across nested try statements and calls.
log = []
def inner(mode):
    try:
        log.append("inner try")
        if mode == "raise":
            raise ValueError("inner")
        if mode == "return":
            return "inner returned"
    except KeyError:
        log.append("inner except KeyError (not taken)")
    else:
        log.append("inner else")
    finally:
        log.append("inner finally")
    log.append("inner after")
    return "inner end"
def outer(mode):
    try:
        r = inner(mode)
        log.append(f"outer got {r}")
    except ValueError as e:
        log.append(f"outer caught {e}")
    finally:
        log.append("outer finally")
for mode in ["plain", "raise", "return"]:
    log.clear()
    outer(mode)
    print(mode, log)
def finally_exception_replaces():
    try:
        try:
            raise ValueError("original")
        finally:
            raise KeyError("replacement")
    except Exception as e:
        return repr(e), repr(e.__context__)
print(finally_exception_replaces())
def break_in_finally():
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            break
    return "break discarded the exception", i
print(break_in_finally())
