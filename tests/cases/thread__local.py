# threading.local: each thread sees its own attributes; a subclass's __init__ runs
# once per thread with the constructor's arguments.
import threading

data = threading.local()
data.x = "main"
seen = []
lock = threading.Lock()

def worker(i):
    with lock:
        seen.append((i, hasattr(data, "x")))
    data.x = i
    for _ in range(100):
        pass
    with lock:
        seen.append((i, data.x, sorted(data.__dict__)))

ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen, key=str))
print(data.x, data.__dict__)

class Counter(threading.local):
    inits = 0
    def __init__(self, start):
        Counter.inits += 1
        self.value = start
    def bump(self):
        self.value += 1
        return self.value

c = Counter(10)
c.bump()
vals = []
def use():
    vals.append((c.bump(), c.bump()))
t = threading.Thread(target=use)
t.start()
t.join()
print(c.value, vals, Counter.inits)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
del data.x
print(hasattr(data, "x"))
