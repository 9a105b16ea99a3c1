# StopIteration: values, conversion to RuntimeError inside generators, iterator protocol.
it = iter([1])
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value, e.args)
def g():
    return "ret"
    yield
try:
    next(g())
except StopIteration as e:
    print("generator return value:", e.value)
def leaks():
    next(iter([]))
    yield "unreachable"
try:
    list(leaks())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n)
        return self.n
print(list(It()), sum(It()), [x for x in It()])
print(StopIteration(1, 2).value, StopIteration().value, StopIteration(None).value)
def outer():
    result = yield from g()
    yield result
print(list(outer()))
