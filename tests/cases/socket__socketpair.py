# socket.socketpair round trips: send/recv/recv_into, makefile, shutdown, timeouts,
# non-blocking mode, detach/fileno and the socket attributes.
import os
import socket

a, b = socket.socketpair()
print(a.family, a.type, a.proto, a.gettimeout(), a.getblocking())
print(isinstance(a, socket.socket), socket.SocketType is socket._socket.socket)
a.sendall(b"hello world")
print(b.recv(5), b.recv(100))

buf = bytearray(8)
a.send(b"abcd")
print(b.recv_into(buf), buf)
a.send(b"0123456789")
print(b.recv_into(buf, 3), buf)
print(b.recv(100))

print(a.send(memoryview(b"view")), b.recv(10))

# Timeouts: recv on an empty socket.
b.settimeout(0.01)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(1)
except socket.timeout as e:
    print("timeout:", type(e).__name__, e)
b.setblocking(False)
print(b.gettimeout())
try:
    b.recv(1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
b.setblocking(True)
print(b.gettimeout())

# makefile: text and binary.
a.sendall(b"line one\nline two\n")
f = b.makefile("r", encoding="utf-8")
print(repr(f.readline()), repr(f.readline()))
f.close()
w = a.makefile("wb")
w.write(b"via makefile\n")
w.flush()
w.close()
print(b.recv(100))

# os.read / os.write on socket descriptors.
os.write(a.fileno(), b"raw")
print(os.read(b.fileno(), 10))

a.shutdown(socket.SHUT_WR)
print(b.recv(10))

fd = a.detach()
print(a.fileno(), fd >= 0)
c = socket.socket(fileno=fd)
print(c.family, c.type)
c.close()
b.close()
print(b.fileno())
try:
    b.recv(1)
except OSError as e:
    print("closed:", e.errno)

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    print(s.type, s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
print(s._closed)

x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
x.send(b"d1"); x.send(b"d2")
print(y.recv(10), y.recv(10))
x.close(); y.close()
