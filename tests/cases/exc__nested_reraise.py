# Nested try statements: re-raising, raising new exceptions, bare raise after handler ends.
def level(n):
    try:
        if n == 0:
            raise KeyError("bottom")
        level(n - 1)
    except KeyError as e:
        if n == 2:
            raise ValueError(f"converted at {n}") from e
        raise
try:
    level(4)
except ValueError as e:
    print(repr(e), repr(e.__cause__))
def bare_raise_outside():
    try:
        raise
    except RuntimeError as e:
        return "RuntimeError: " + str(e)
print(bare_raise_outside())
def reraise_later():
    try:
        raise TypeError("saved")
    except TypeError as e:
        saved = e
    raise saved
try:
    reraise_later()
except TypeError as e:
    print("re-raised saved exception:", e, e.__context__)
def swallow_and_continue():
    results = []
    for item in [1, "x", 2, None]:
        try:
            try:
                results.append(item * 2 + 1)
            except TypeError:
                results.append(int(item))
        except (ValueError, TypeError) as e:
            results.append(type(e).__name__)
    return results
print(swallow_and_continue())
