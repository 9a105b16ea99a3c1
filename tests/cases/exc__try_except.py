# try/except matching: classes, tuples, bare except, order, re-raise.
def attempt(fn):
    try:
        fn()
    except ZeroDivisionError:
        return "zde"
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__} {e}"
    except ArithmeticError as e:
        return f"arith {type(e).__name__}"
    except Exception as e:
        return f"other {type(e).__name__}: {e}"
    return "no error"
print(attempt(lambda: 1 / 0))
print(attempt(lambda: {}["k"]))
print(attempt(lambda: [][0]))
print(attempt(lambda: 2.0 ** 5000))
print(attempt(lambda: int("x")))
print(attempt(lambda: None))
try:
    try:
        raise ValueError("inner")
    except ValueError:
        print("caught, reraising")
        raise
except ValueError as e:
    print("outer got", e)
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException catches", type(e).__name__)
try:
    [].pop()
except:
    print("bare except")
e = "before"
try:
    raise TypeError("t")
except TypeError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
exc_types = (TypeError, ValueError)
try:
    raise ValueError
except exc_types as err:
    print("tuple var", repr(err))
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as te:
    print("TypeError:", te)
def raises_class():
    raise IndexError
try:
    raises_class()
except IndexError as ie:
    print(repr(ie), ie.args)
