# An exception escaping a thread goes to threading.excepthook (the default hook writes
# "Exception in thread ..." and the traceback to stderr); SystemExit ends a thread
# quietly.
import sys
import threading
import traceback

# This module's file as its code objects name it (also when run from a .pyc).
ME = (lambda: 0).__code__.co_filename

def boom(n):
    raise ValueError(f"boom {n}")

def hook(args):
    frames = [f"{f.name}:{f.line}" for f in traceback.extract_tb(args.exc_traceback) if f.filename == ME]
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name, frames)

threading.excepthook = hook
t = threading.Thread(target=boom, args=(1,), name="T1")
t.start()
t.join()
print("alive after:", t.is_alive())

t = threading.Thread(target=sys.exit, args=(3,), name="T2")
t.start()
t.join()
print("SystemExit was quiet")

threading.excepthook = threading.__excepthook__
import io
class Quiet(threading.Thread):
    def run(self):
        raise KeyError("k")
sys.stderr = io.StringIO()  # the default hook writes to sys.stderr
q = Quiet(name="Q")
q.start()
q.join()
lines = sys.stderr.getvalue().splitlines()
sys.stderr = sys.__stderr__
print(lines[0], lines[1], lines[-1], sep="\n")
