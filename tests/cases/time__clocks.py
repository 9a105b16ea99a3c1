# time clocks: types, non-decreasing sequences, ns variants consistent with float variants.
import time
seq = [time.monotonic() for _ in range(200)]
print(all(a <= b for a, b in zip(seq, seq[1:])))
seqp = [time.perf_counter() for _ in range(200)]
print(all(a <= b for a, b in zip(seqp, seqp[1:])))
ns = [time.monotonic_ns() for _ in range(50)]
print(all(a <= b for a, b in zip(ns, ns[1:])), all(type(v) is int for v in ns))
t = time.time()
tn = time.time_ns()
print(abs(tn / 1e9 - t) < 60, type(time.perf_counter_ns()).__name__, type(time.process_time_ns()).__name__)
start = time.perf_counter()
total = sum(range(100000))
elapsed = time.perf_counter() - start
print(total, elapsed >= 0.0, type(elapsed).__name__)
before = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - before >= 0.009)
print(time.gmtime(0.999)[5], time.gmtime(-0.5)[:6], type(time.localtime()).__name__, len(time.localtime()))
