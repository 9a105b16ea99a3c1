# Locks under contention: counters stay exact, RLock nests, timeouts and non-blocking
# acquires of a lock held by another thread fail, releases wake waiters.
import threading
import _thread

count = 0
lock = threading.Lock()
def inc(n):
    global count
    for _ in range(n):
        with lock:
            c = count
            count = c + 1
ts = [threading.Thread(target=inc, args=(5000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(count)

# RLock: the owner re-enters; another thread cannot take it meanwhile.
r = threading.RLock()
results = []
def try_rlock():
    results.append(r.acquire(blocking=False))
    results.append(r.acquire(timeout=0.01))
with r:
    with r:
        t = threading.Thread(target=try_rlock)
        t.start()
        t.join()
print(results)
t = threading.Thread(target=try_rlock)
t.start()
t.join()
print(results)
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# A plain lock can be released by another thread; the blocked acquirer proceeds.
l = _thread.allocate_lock()
l.acquire()
order = []
def waiter():
    l.acquire()
    order.append("waiter got it")
    l.release()
t = threading.Thread(target=waiter)
t.start()
order.append("releasing")
l.release()
t.join()
print(order)
print(l.locked(), l.acquire(False), l.locked(), l.acquire(timeout=0), l.acquire(True, 0.001))
l.release()
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in [dict(blocking=False, timeout=1), dict(timeout=-2)]:
    try:
        l.acquire(**bad)
    except ValueError as e:
        print("ValueError:", e)

# Many threads hand one lock around in turn (a chain of locks).
n = 8
locks = [threading.Lock() for _ in range(n + 1)]
for x in locks[1:]:
    x.acquire()
seen = []
def link(i):
    locks[i].acquire()
    seen.append(i)
    locks[i + 1].release()
ts = [threading.Thread(target=link, args=(i,)) for i in reversed(range(n))]
for t in ts:
    t.start()
locks[n].acquire()
for t in ts:
    t.join()
print(seen)
