# raise ... from, __cause__, __context__, __suppress_context__.
class AppError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError(f"bad input {s!r}") from e
try:
    parse("x")
except AppError as e:
    print(repr(e), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise RuntimeError("x") from ValueError("explicit cause")
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__)
try:
    try:
        {}["a"]
    except KeyError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise TypeError from KeyError
except TypeError as e:
    print(repr(e.__cause__))
e1 = ValueError("a")
e2 = TypeError("b")
e2.__cause__ = e1
print(e2.__cause__ is e1, e2.__suppress_context__)
try:
    try:
        raise ValueError("orig")
    except ValueError as inner:
        inner2 = inner
        raise
except ValueError as outer:
    print(outer is inner2, outer.__context__)
