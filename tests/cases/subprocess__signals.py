# A child's signal dispositions (restore_signals) and death by signal.
import signal
import subprocess
import sys


def ignored(restore):
    out = subprocess.check_output(["grep", "SigIgn", "/proc/self/status"], restore_signals=restore)
    mask = int(out.split()[1], 16)
    return [s for s in (signal.SIGPIPE, signal.SIGXFSZ) if mask & (1 << (s - 1))]


print("restore_signals=True:", ignored(True))
print("restore_signals=False:", ignored(False))
p = subprocess.run([sys.executable, "-c", "import os; os.abort()"], capture_output=True)
print("abort:", p.returncode == -signal.SIGABRT)
p = subprocess.run([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"])
print("SIGTERM:", p.returncode)
p = subprocess.run([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGINT)"], capture_output=True)
print("SIGINT:", p.returncode, p.stderr.decode().splitlines()[-1])
code = "import signal, os; signal.signal(signal.SIGTERM, lambda s, f: print('handled', s, flush=True)); os.kill(os.getpid(), signal.SIGTERM); print('after')"
p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
print("handler in child:", p.returncode, p.stdout.split())
