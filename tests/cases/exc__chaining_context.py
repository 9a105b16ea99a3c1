# Implicit exception chaining through nested handlers and finally.
def chain():
    try:
        try:
            raise ValueError("one")
        except ValueError:
            raise TypeError("two")
    except TypeError:
        raise KeyError("three")
try:
    chain()
except KeyError as e:
    c = e
    out = []
    while c is not None:
        out.append(repr(c))
        c = c.__context__
    print(" <- ".join(out))
try:
    try:
        raise ValueError("a")
    finally:
        print("finally sees exception in flight")
except ValueError as e:
    print("context of a:", e.__context__)
def handler_clears():
    try:
        raise ValueError("inside")
    except ValueError:
        pass
    try:
        raise TypeError("after")
    except TypeError as e:
        return e.__context__
print(handler_clears())
try:
    try:
        raise ValueError("x")
    except ValueError as e:
        raise e
except ValueError as e2:
    print("re-raise same object: context is", e2.__context__)
err = ValueError("reused")
try:
    try:
        raise err
    except ValueError:
        raise TypeError("t")
except TypeError as t:
    print(repr(t.__context__), t.__context__ is err)
