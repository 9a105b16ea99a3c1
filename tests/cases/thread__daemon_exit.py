# The program ends with a daemon thread still blocked (the process exits anyway) and a
# non-daemon thread still running (the exit waits for it).
import threading
import time

forever = threading.Event()
def stuck():
    forever.wait()
d = threading.Thread(target=stuck, daemon=True)
d.start()

def spin():
    while True:
        time.sleep(0.001)
s = threading.Thread(target=spin, daemon=True)
s.start()

def late():
    time.sleep(0.05)
    print("late thread done")
threading.Thread(target=late).start()
print("main done", d.daemon, d.is_alive())
