# An exception raised by a signal handler propagates from the interrupted point.
import os
import signal
import time


class Boom(Exception):
    pass


def handler(signum, frame):
    raise Boom("signal %d" % signum)


signal.signal(signal.SIGUSR1, handler)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
    print("not reached")
except Boom as e:
    print("caught", e)

# Raised from inside a loop.
def spin():
    n = 0
    while True:
        n += 1
        if n == 1000:
            os.kill(os.getpid(), signal.SIGUSR1)
        if n > 100000:
            return "never interrupted"

try:
    spin()
except Boom as e:
    print("loop interrupted:", e)

# A handler that raises interrupts a sleep (PEP 475 retries only when it returns).
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
try:
    time.sleep(5)
except Boom as e:
    print("sleep interrupted:", e, time.monotonic() - t0 < 4)

# A handler that returns lets the sleep finish its full time.
hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
time.sleep(0.3)
print("sleep resumed:", hits, time.monotonic() - t0 >= 0.29)

# The traceback of an uncaught handler exception.
import traceback
try:
    os.kill(os.getpid(), signal.SIGUSR1)
except Boom:
    tb = traceback.format_exc().splitlines()
    print(tb[-1])
    print([l.strip() for l in tb if l.strip().startswith("os.kill") or l.strip().startswith("raise")])
