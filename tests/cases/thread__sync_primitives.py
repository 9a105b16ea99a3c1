# Condition, Event, Semaphore, BoundedSemaphore, Barrier and Queue across threads.
import threading
import queue

# Producer/consumer with a Condition.
items = []
cond = threading.Condition()
consumed = []
def consumer():
    for _ in range(5):
        with cond:
            cond.wait_for(lambda: items)
            consumed.append(items.pop(0))
c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        items.append(i * 10)
        cond.notify()
c.join()
print(consumed)

# Event: threads wait until it is set.
ev = threading.Event()
got = []
glock = threading.Lock()
def wait_event(i):
    r = ev.wait()
    with glock:
        got.append((i, r))
ts = [threading.Thread(target=wait_event, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
print(ev.is_set(), ev.wait(0.001))
ev.set()
for t in ts:
    t.join()
print(sorted(got))

# Semaphore limits concurrency.
sem = threading.Semaphore(2)
active = 0
peak = 0
alock = threading.Lock()
def limited():
    global active, peak
    with sem:
        with alock:
            active += 1
            peak = max(peak, active)
        for _ in range(2000):
            pass
        with alock:
            active -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(peak <= 2, active)
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

# Barrier: every party passes together; one gets index 0.
barrier = threading.Barrier(4)
indices = []
def party():
    i = barrier.wait()
    with alock:
        indices.append(i)
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
indices.append(barrier.wait())
for t in ts:
    t.join()
print(sorted(indices), barrier.broken, barrier.n_waiting)

# A pipeline of queues.
q1, q2 = queue.Queue(), queue.Queue(maxsize=2)
def stage():
    while (x := q1.get()) is not None:
        q2.put(x * x)
    q2.put(None)
t = threading.Thread(target=stage)
t.start()
for i in range(6):
    q1.put(i)
q1.put(None)
out = []
while (y := q2.get()) is not None:
    out.append(y)
t.join()
print(out)
try:
    q2.get(timeout=0.001)
except queue.Empty:
    print("Empty")

# Timer runs its function on another thread.
fired = threading.Event()
tm = threading.Timer(0.001, fired.set)
tm.start()
tm.join()
print(fired.is_set())
