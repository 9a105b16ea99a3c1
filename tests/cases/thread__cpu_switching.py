# Two CPU-bound threads make progress together: each spins until it sees the other's
# progress, which only works if the interpreter lock is handed over while they spin.
import sys
import threading

sys.setswitchinterval(0.0005)
print(sys.getswitchinterval())
progress = [0, 0]
def runner(me):
    other = 1 - me
    for step in range(1, 6):
        progress[me] = step
        while progress[other] < step:
            pass
ts = [threading.Thread(target=runner, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(progress)

# Plain CPU work split over threads gives the same total.
totals = [0] * 4
def work(i):
    s = 0
    for k in range(i, 200000, 4):
        s += k * k
    totals[i] = s
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(totals) == sum(k * k for k in range(200000)))
sys.setswitchinterval(0.005)
for bad in (0, -1.0, "x"):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
