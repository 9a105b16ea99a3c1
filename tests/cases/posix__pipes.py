# os.pipe, dup, dup2, inheritable and blocking flags, fstat on a pipe, open(fd), and the
# wait-status helpers.
import os
import stat

r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w), os.get_blocking(r))
print(stat.S_ISFIFO(os.fstat(r).st_mode))
print(os.write(w, b"hello"), os.read(r, 3), os.read(r, 10))

d = os.dup(w)
print(d > w, os.get_inheritable(d))
os.write(d, b"dup")
print(os.read(r, 10))
os.set_inheritable(d, True)
print(os.get_inheritable(d))
d2 = os.dup2(w, d)
print(d2 == d, os.get_inheritable(d))
os.write(d, b"dup2")
print(os.read(r, 10))
os.close(d)
# dup2 onto a number that is free again.
x, y = os.pipe()
os.close(x)
print(os.dup2(r, x) == x, os.get_inheritable(x), os.dup2(r, x, inheritable=False) == x, os.get_inheritable(x))
os.write(w, b"again")
print(os.read(x, 10))
os.close(x)
os.close(y)

os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
os.set_blocking(r, True)

with open(w, "w", closefd=False) as f:
    f.write("text through open(fd)\n")
print(os.read(r, 100))
os.close(w)
with open(r, "rb") as f:
    print(f.read())
try:
    os.close(r)
except OSError as e:
    print("OSError", e.errno)

r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
print(os.get_blocking(r), os.get_inheritable(r))
os.close(r)
os.close(w)

for st in [0, 256, 9, 0x7f | (19 << 8), 0xffff]:
    print(st, os.WIFEXITED(st), os.WEXITSTATUS(st), os.WIFSIGNALED(st), os.WTERMSIG(st),
          os.WIFSTOPPED(st), os.WSTOPSIG(st), os.WIFCONTINUED(st))
print(os.waitstatus_to_exitcode(256), os.waitstatus_to_exitcode(9))
try:
    os.waitstatus_to_exitcode(0x7f | (19 << 8))
except ValueError as e:
    print("ValueError", e)
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)
pid = os.getpid()
os.kill(pid, 0)
print(os.getpgrp() == os.getpgid(0), isinstance(os.getsid(0), int))
