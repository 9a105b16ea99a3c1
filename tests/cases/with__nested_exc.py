# with: exception details passed to __exit__, nesting order, generator-based managers.
log = []
class Res:
    def __init__(self, n): self.n = n
    def __enter__(self):
        log.append(f"open {self.n}")
        return self
    def __exit__(self, t, v, tb):
        log.append(f"close {self.n} {t.__name__ if t else '-'}")
        return False
try:
    with Res(1), Res(2), Res(3):
        raise OSError("disk")
except OSError:
    pass
print(log)
class Enter_fails:
    def __enter__(self): raise ValueError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
log.clear()
try:
    with Res("outer"), Enter_fails():
        print("not reached")
except ValueError as e:
    print(e, log)
class Managed:
    def __init__(self, gen): self.gen = gen
    def __enter__(self): return next(self.gen)
    def __exit__(self, t, v, tb):
        if t is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
        try:
            self.gen.throw(v)
        except StopIteration:
            return True
        except BaseException:
            raise
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    except ZeroDivisionError:
        print("gen saw ZeroDivisionError")
    finally:
        print(f"</{name}>")
with Managed(tag("b")) as t:
    print("inside", t)
with Managed(tag("i")):
    1 / 0
print("survived")
