# Module-level functions of socket: byte order, inet_*, getaddrinfo on numeric and
# local names, getnameinfo, the exception types and constants.
import socket

print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(0x01020304))
for f, v in [(socket.htons, -1), (socket.htons, 70000), (socket.htonl, 2**32)]:
    try:
        f(v)
    except OverflowError as e:
        print("OverflowError", e)

print(socket.inet_aton("1.2.3.4"), socket.inet_aton("127.1"), socket.inet_aton("0x7f.1"))
print(socket.inet_ntoa(b"\x7f\x00\x00\x01"))
for bad in ["1.2.3.256", "x", ""]:
    try:
        socket.inet_aton(bad)
    except OSError as e:
        print("OSError", e)
try:
    socket.inet_ntoa(b"123")
except OSError as e:
    print("OSError", e)
print(socket.inet_pton(socket.AF_INET, "10.0.0.1"), socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, bytes(range(16))), socket.inet_ntop(socket.AF_INET6, b"\0" * 16))
print(socket.inet_ntop(socket.AF_INET6, b"\0" * 10 + b"\xff\xff\x01\x02\x03\x04"))
try:
    socket.inet_ntop(socket.AF_INET, b"12345")
except ValueError as e:
    print("ValueError", e)

print(socket.getaddrinfo("127.0.0.1", 80))
print(socket.getaddrinfo("127.0.0.1", "80", socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_CANONNAME))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo("::1", 8080, socket.AF_INET6, socket.SOCK_DGRAM))
print(socket.getaddrinfo("localhost", 80, socket.AF_INET, socket.SOCK_STREAM))
try:
    socket.getaddrinfo("not-numeric", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror", e.errno, e)
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(type(socket.gethostname()).__name__)

print(socket.error is OSError, socket.timeout is TimeoutError)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.gaierror.__module__, socket.herror.__name__)
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), socket.SOL_SOCKET, socket.SO_REUSEADDR)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout())
socket.setdefaulttimeout(None)
s.close()
try:
    socket.setdefaulttimeout(-1)
except ValueError as e:
    print("ValueError", e)
