# Blocking calls let other threads run: a thread blocked in os.read, socket.recv or
# select.select is woken by data the main thread writes afterwards.
import os
import select
import socket
import threading

r, w = os.pipe()
got = []
t = threading.Thread(target=lambda: got.append(os.read(r, 100)))
t.start()
os.write(w, b"through the pipe")
t.join()
print(got)

def wait_readable():
    ready, _, _ = select.select([r], [], [])
    got.append((ready == [r], os.read(r, 100)))
t = threading.Thread(target=wait_readable)
t.start()
os.write(w, b"after select")
t.join()
print(got[1:])
os.close(r)
os.close(w)

a, b = socket.socketpair()
def echo():
    data = b.recv(100)
    b.sendall(data.upper())
t = threading.Thread(target=echo)
t.start()
a.sendall(b"hello socket")
print(a.recv(100))
t.join()
a.close()
b.close()

# A file read through io in one thread while another writes the pipe.
r, w = os.pipe()
reader = os.fdopen(r, "rb")
lines = []
t = threading.Thread(target=lambda: lines.extend(reader.read().splitlines()))
t.start()
with os.fdopen(w, "wb") as f:
    for i in range(3):
        f.write(b"line %d\n" % i)
        f.flush()
t.join()
reader.close()
print(lines)
