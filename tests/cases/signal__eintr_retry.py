# PEP 475: blocking calls interrupted by a signal whose handler returns are retried
# (os.read, select, waitpid, time.sleep, readline); a handler that raises ends them.
import os
import select
import signal
import subprocess
import sys
import time

hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(s))


def child(delay, text="x"):
    code = f"import time; time.sleep({delay}); print({text!r}, flush=True)"
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)


def ticking():
    hits.clear()
    signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)


def stop():
    signal.setitimer(signal.ITIMER_REAL, 0)
    return len(hits) > 0


p = child(0.4)
ticking()
data = os.read(p.stdout.fileno(), 10)
print("os.read:", data, stop())
p.wait()
p.stdout.close()

p = child(0.4)
ticking()
r, w, x = select.select([p.stdout], [], [], 10)
print("select:", len(r), stop())
p.stdout.read()
p.wait()
p.stdout.close()

p = child(0.4)
ticking()
print("readline:", p.stdout.readline(), stop())
p.stdout.close()
print("wait:", p.wait())

p = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.4)"])
ticking()
pid, status = os.waitpid(p.pid, 0)
print("waitpid:", pid == p.pid, status, stop())
p.returncode = 0


class Stop(Exception):
    pass


def raising(s, f):
    raise Stop


signal.signal(signal.SIGALRM, raising)
r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    os.read(r, 1)
except Stop:
    print("os.read interrupted by the handler's exception")
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    select.select([r], [], [])
except Stop:
    print("select interrupted by the handler's exception")
os.close(r)
os.close(w)
