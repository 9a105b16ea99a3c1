# set_wakeup_fd: the signal number is written to the descriptor as a byte.
import os
import signal

r, w = os.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print("ValueError:", str(e).replace(str(w), "W"))
os.set_blocking(w, False)
os.set_blocking(r, False)
print(signal.set_wakeup_fd(w))
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
signal.signal(signal.SIGUSR2, lambda s, f: got.append(s))
os.kill(os.getpid(), signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR2)
print(list(os.read(r, 100)), got)
print(signal.set_wakeup_fd(-1) == w)
os.kill(os.getpid(), signal.SIGUSR1)
try:
    os.read(r, 100)
except BlockingIOError as e:
    print("nothing written:", e.errno)
try:
    signal.set_wakeup_fd(w, warn_on_full_buffer=False)
    print("kw ok", signal.set_wakeup_fd(-1) == w)
except Exception as e:
    print(type(e).__name__, e)
os.close(r)
os.close(w)
try:
    signal.set_wakeup_fd(w)
except OSError as e:
    print("closed fd:", type(e).__name__, e.errno)
