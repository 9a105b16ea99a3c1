# A Python signal handler runs with (signum, frame) after os.kill; getsignal/signal
# return the handlers; SIG_IGN and SIG_DFL.
import os
import signal

got = []


def handler(signum, frame):
    got.append((signum, frame.f_code.co_name, type(frame).__name__))


old = signal.signal(signal.SIGUSR1, handler)
print("old handler:", old, old is signal.SIG_DFL)
print("getsignal is handler:", signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill:", got)


def inner():
    os.kill(os.getpid(), signal.SIGUSR1)
    return len(got)


print("in a function:", inner(), got[-1])

# The handler may be any callable.
class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self, signum, frame):
        self.n += 1


c = Counter()
print(signal.signal(signal.SIGUSR1, c) is handler)
for i in range(3):
    os.kill(os.getpid(), signal.SIGUSR1)
print("counter:", c.n)

print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is c)
os.kill(os.getpid(), signal.SIGUSR1)
print("ignored:", c.n, signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL))
print(signal.getsignal(signal.SIGUSR1) is signal.SIG_DFL)

# Two signals received before the loop looks: both handlers run, lowest number first.
order = []
signal.signal(signal.SIGUSR1, lambda s, f: order.append(s))
signal.signal(signal.SIGUSR2, lambda s, f: order.append(s))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
os.kill(os.getpid(), signal.SIGUSR2)
os.kill(os.getpid(), signal.SIGUSR1)
print("blocked:", order, sorted(signal.sigpending()))
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1, signal.SIGUSR2])
print("unblocked:", sorted(order))

# raise_signal runs the handler before returning.
signal.raise_signal(signal.SIGUSR2)
print("raise_signal:", order[-1])
print(signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGPIPE))
print(signal.Signals.SIGUSR1, repr(signal.Signals(10)), signal.Handlers.SIG_IGN)
