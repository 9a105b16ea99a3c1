# User-defined exception classes and hierarchies.
class Base(Exception):
    default = "base problem"
    def __init__(self, msg=None):
        super().__init__(msg or self.default)
class NotFound(Base):
    default = "not found"
class Forbidden(Base):
    pass
def check(n):
    if n == 1:
        raise NotFound
    if n == 2:
        raise Forbidden("no access")
    if n == 3:
        raise Base()
    return "ok"
for n in range(4):
    try:
        print(check(n))
    except NotFound as e:
        print("NotFound:", e)
    except Base as e:
        print(type(e).__name__ + ":", e)
class WithState(ValueError):
    def __init__(self, value):
        self.value = value
        super().__init__(f"bad value {value}")
try:
    raise WithState(42)
except ValueError as e:
    print(e, e.value, isinstance(e, WithState), e.args)
class Weird(Exception):
    def __str__(self):
        return "weird str"
    def __repr__(self):
        return "Weird()"
try:
    raise Weird("ignored")
except Weird as w:
    print(w, repr(w), w.args)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    except NotAnException:
        pass
    print("unmatched except clause with bad class is never evaluated")
except TypeError as e:
    print("TypeError:", e)
