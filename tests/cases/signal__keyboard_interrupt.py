# SIGINT raises KeyboardInterrupt (default_int_handler); uncaught, the process dies of
# SIGINT after printing the traceback.
import _thread
import os
import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)
except KeyboardInterrupt as e:
    print("caught", repr(e))

try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")

# _thread.interrupt_main simulates a SIGINT.
try:
    _thread.interrupt_main()
    for i in range(10):
        pass
    print("not reached")
except KeyboardInterrupt:
    print("interrupt_main")

seen = []
signal.signal(signal.SIGINT, lambda s, f: seen.append(s))
_thread.interrupt_main()
os.kill(os.getpid(), signal.SIGINT)
print("own handler:", seen)
signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
os.kill(os.getpid(), signal.SIGINT)
print("ignored")
signal.signal(signal.SIGINT, signal.default_int_handler)


def f():
    os.kill(os.getpid(), signal.SIGINT)


print("now uncaught", flush=True)
f()
