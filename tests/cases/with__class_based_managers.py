# Reusable and reentrant context managers, managers returning other objects, exception info.
class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *exc):
        self.level -= 1
        return False
    def say(self, text):
        print("  " * self.level + text)
ind = Indenter()
with ind:
    ind.say("one")
    with ind:
        ind.say("two")
        with ind:
            ind.say("three")
    ind.say("one again")
print("level", ind.level)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back because", repr(ev))
            return True
        print("committed")
store = {"a": 1}
with Transaction(store) as s:
    s["b"] = 2
with Transaction(store) as s:
    s["c"] = 3
    raise RuntimeError("abort")
print(store)
class Timer:
    def __enter__(self):
        return "resource"
    def __exit__(self, et, ev, tb):
        print("exit sees", et is None, ev is None, tb is None)
with Timer() as r:
    print("using", r)
