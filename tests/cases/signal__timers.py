# alarm, setitimer/getitimer, pause, and the errors of the signal functions.
import os
import signal
import time

hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(s))
print("alarm:", signal.alarm(5))
print("alarm left:", signal.alarm(0))
signal.alarm(1)
signal.pause()
print("after pause:", hits)
print(signal.setitimer(signal.ITIMER_REAL, 10, 0))
value, interval = signal.getitimer(signal.ITIMER_REAL)
print(9 < value <= 10, interval)
value, interval = signal.setitimer(signal.ITIMER_REAL, 0)
print(9 < value <= 10, interval, signal.getitimer(signal.ITIMER_REAL))
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
while len(hits) < 4:
    time.sleep(0.01)
signal.setitimer(signal.ITIMER_REAL, 0)
print("periodic:", len(hits) >= 4)
print(issubclass(signal.ItimerError, OSError))
try:
    signal.setitimer(-1, 0)
except signal.ItimerError as e:
    print("ItimerError:", e)
for call in (lambda: signal.signal(0, signal.SIG_DFL), lambda: signal.signal(signal.NSIG, signal.SIG_DFL),
             lambda: signal.getsignal(100), lambda: signal.strsignal(0)):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
try:
    signal.signal(signal.SIGKILL, lambda s, f: None)
except OSError as e:
    print("OSError:", e)
try:
    signal.signal(signal.SIGUSR1, 42)
except TypeError as e:
    print("TypeError:", e)
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGRTMIN + 1))
print(signal.NSIG, len(signal.valid_signals()), signal.SIGINT in signal.valid_signals())
signal.siginterrupt(signal.SIGUSR1, False)
signal.siginterrupt(signal.SIGUSR1, True)
print("done")
