# A TCP server and client on 127.0.0.1 in one process (non-blocking accept with select),
# UDP datagrams, socket options, and address errors.
import select
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, 0 < port < 65536, srv.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))

cli = socket.create_connection(("127.0.0.1", port), timeout=5)
print(cli.gettimeout())
r, _, _ = select.select([srv], [], [], 5)
print(r == [srv])
conn, addr = srv.accept()
print(addr == cli.getsockname(), conn.getpeername() == cli.getsockname(), conn.getsockname() == (host, port))
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)

for msg in [b"ping", b"x" * 100000]:
    cli.sendall(msg)
    got = b""
    while len(got) < len(msg):
        got += conn.recv(65536)
    conn.sendall(got.upper())
    back = b""
    while len(back) < len(msg):
        back += cli.recv(65536)
    print(len(back), back[:8])

cli.close()
print(conn.recv(10))
conn.close()

# connect_ex to a closed port reports the errno.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", closed_port)))
try:
    c2 = socket.socket()
    c2.connect(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    print("refused", e.errno)
c.close(); c2.close()
srv.close()

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(v.sendto(b"dgram", u.getsockname()))
data, frm = u.recvfrom(100)
print(data, frm == v.getsockname())
buf = bytearray(10)
v.sendto(b"into", 0, u.getsockname())
n, frm = u.recvfrom_into(buf)
print(n, buf[:n], frm == v.getsockname())
u.close(); v.close()

s = socket.socket()
for bad in [("127.0.0.1",), "127.0.0.1", ("127.0.0.1", 70000), (1, 2)]:
    try:
        s.bind(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
s.close()

s6 = socket.socket(socket.AF_INET6)
s6.bind(("::1", 0))
print(s6.getsockname()[0], len(s6.getsockname()))
s6.close()
