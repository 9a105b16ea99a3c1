# throw() and close() delegated through yield from chains; return values travel back.
def leaf():
    try:
        yield "leaf 1"
        yield "leaf 2"
    except ValueError as e:
        yield f"leaf handled {e}"
        return "leaf result after error"
    return "leaf normal result"
def middle():
    r = yield from leaf()
    yield f"middle got: {r}"
def top():
    try:
        r = yield from middle()
    except KeyError:
        yield "top handled KeyError"
g = top()
print(next(g), g.throw(ValueError("boom")), next(g), next(g, "exhausted"))
g = top()
print(next(g), g.throw(KeyError("k")), next(g, "exhausted"))
def closing_leaf():
    try:
        yield 1
    finally:
        print("leaf closed")
def closing_mid():
    try:
        yield from closing_leaf()
    finally:
        print("mid closed")
c = closing_mid()
next(c)
c.close()
g = top()
next(g)
try:
    g.throw(TypeError("unhandled"))
except TypeError as e:
    print("propagated", e)
print(next(g, "dead"))
