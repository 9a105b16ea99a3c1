# __del__ can store self somewhere (resurrection); it does not run a second time when
# the resurrected object dies (PEP 442).
import gc

log = []
saved = []


class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(("del", self.name))
        saved.append(self)


r = R("a")
del r
print(log, [s.name for s in saved])
print(gc.is_finalized(saved[0]))
saved.clear()
print(log)


class Once:
    calls = 0

    def __del__(self):
        Once.calls += 1
        global keep
        keep = self


keep = Once()
keep = None
print(Once.calls, type(keep).__name__)
keep = None
print(Once.calls, keep)
