# _thread.interrupt_main() from another thread raises KeyboardInterrupt in the main
# thread at its next check, in a busy loop or after a lock wait.
import _thread
import threading

started = threading.Event()
def interrupter():
    started.wait()
    _thread.interrupt_main()

t = threading.Thread(target=interrupter)
t.start()
try:
    started.set()
    while True:
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt in the busy loop")
t.join()

# While the main thread waits in join() (a lock wait), the interrupt waits for it to
# run Python code again.
started.clear()
t = threading.Thread(target=interrupter)
t.start()
try:
    started.set()
    t.join()
    for i in range(100):
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt after the join")
