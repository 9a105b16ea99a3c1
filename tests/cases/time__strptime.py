# time.strptime (via the pure-Python _strptime) and struct_time's hidden fields.
import time
st = time.strptime("2024-02-29 13:45:07", "%Y-%m-%d %H:%M:%S")
print(tuple(st), st.tm_zone, st.tm_gmtoff, time._STRUCT_TM_ITEMS)
print(tuple(time.strptime("Thu Mar  7 01:02:03 2002")))
print(tuple(time.strptime("12 +0130", "%d %z")), time.strptime("12 +0130", "%d %z").tm_gmtoff)
try:
    time.strptime("2024", "%d")
except ValueError as e:
    print(e)
