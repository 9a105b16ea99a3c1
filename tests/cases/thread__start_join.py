# Threads start, run and are joined; results come back through a queue; each thread
# has its own ident; _thread.start_new_thread with a lock as the completion signal.
import threading
import queue
import _thread

q = queue.Queue()

def work(n, scale=1):
    q.put((n, sum(range(n)) * scale, threading.current_thread().name))

threads = [threading.Thread(target=work, args=(n,), kwargs={"scale": 2}, name=f"w{n}") for n in (10, 20, 30)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(q.get() for _ in threads))
print([t.is_alive() for t in threads])
print(q.empty(), threading.active_count())

# Idents of live threads are distinct, and the main thread's differs from the workers'.
idents = []
lock = threading.Lock()
together = threading.Barrier(5)
def record():
    together.wait()
    with lock:
        idents.append((threading.get_ident(), threading.get_native_id()))
    together.wait()
ts = [threading.Thread(target=record) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len({i for i, _ in idents}), len({n for _, n in idents}), threading.get_ident() in idents)
print(all(t.ident is not None for t in ts))

# The low-level API: a lock released by the new thread signals completion.
done = _thread.allocate_lock()
done.acquire()
out = []
def low(a, b, *, c):
    out.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()
main_ident = _thread.get_ident()
ident = _thread.start_new_thread(low, (1, 2), {"c": 3})
print(type(ident).__name__)
done.acquire()
print(out)

# A thread's return value through a subclass.
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None
    def run(self):
        self.result = [i * i for i in range(self.n)]
w = Worker(6)
w.start()
w.join()
print(w.result, w.is_alive())
print(repr(threading.main_thread().name), threading.current_thread() is threading.main_thread())

# Errors of start_new_thread's arguments.
for args in [(1, ()), (print, []), (print, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    w.start()
except RuntimeError as e:
    print("RuntimeError:", e)
