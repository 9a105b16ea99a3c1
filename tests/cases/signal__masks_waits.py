# Signal masks, pending signals and synchronous waits.
import os
import signal

old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
print("old mask:", old)
os.kill(os.getpid(), signal.SIGUSR1)
print("pending:", signal.sigpending())
print("sigwait:", signal.sigwait([signal.SIGUSR1]))
print("pending after:", signal.sigpending())
os.kill(os.getpid(), signal.SIGUSR2)
info = signal.sigwaitinfo({signal.SIGUSR2})
print(type(info).__name__, info.si_signo, info.si_code, info.si_pid == os.getpid(), info.si_uid == os.getuid())
print("timed out:", signal.sigtimedwait([signal.SIGUSR1], 0.01))
os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 1)
print("timedwait:", info.si_signo, len(info))
print("mask:", sorted(signal.pthread_sigmask(signal.SIG_SETMASK, [])))
print("mask now:", signal.pthread_sigmask(signal.SIG_BLOCK, []))
for bad in ([0], [signal.NSIG], [-1]):
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    signal.pthread_sigmask(99, [])
except OSError as e:
    print("OSError:", e.errno)
try:
    signal.sigtimedwait([signal.SIGUSR1], -1)
except ValueError as e:
    print("ValueError:", e)
