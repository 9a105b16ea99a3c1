# time.gmtime / strftime / asctime with fixed timestamps across years and edge dates.
import time
for ts in [0, 86399, 86400, 951782400, 951868800, 1e9, 1234567890, 2147483647, 4102444800, -1, -2208988800]:
    t = time.gmtime(ts)
    print(int(ts), t[:], time.strftime("%Y-%m-%dT%H:%M:%S %a %j", t), time.asctime(t))
t = time.gmtime(1700000000)
print(t.tm_zone if hasattr(t, "tm_zone") else "", t.tm_gmtoff if hasattr(t, "tm_gmtoff") else "", t.n_fields, t.n_sequence_fields)
print(time.strftime("%d %b %Y|%H|%I|%M|%S|%p|%y|%%|%w|%U|%W", time.gmtime(1000000000)))
print(time.strftime("%A %B", (2021, 12, 25, 0, 0, 0, 5, 359, 0)))
try:
    time.gmtime(1e20)
except (OverflowError, OSError, ValueError) as e:
    print(type(e).__name__)
try:
    time.struct_time((1, 2, 3))
except TypeError as e:
    print("TypeError:", e)
print(isinstance(time.time(), float), isinstance(time.time_ns(), int), time.time_ns() > 1_600_000_000 * 10**9)
