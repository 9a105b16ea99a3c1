import posix, errno
print(type(posix.getcwd()).__name__, type(posix.getcwdb()).__name__)
st = posix.stat(".")
print(type(st).__name__, len(st), st.st_mode & 0o170000 == 0o040000)
print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__)
try:
    posix.stat("_scratch_posix__basics_missing")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, e)
name = "_scratch_posix__basics.txt"
fd = posix.open(name, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print(posix.write(fd, b"hello world"))
posix.close(fd)
fd = posix.open(name, posix.O_RDONLY)
print(posix.read(fd, 5), posix.lseek(fd, 1, 1), posix.read(fd, 100), posix.read(fd, 1))
print(posix.fstat(fd).st_size)
posix.close(fd)
try:
    posix.close(fd)
except OSError as e:
    print(e)
print(name in posix.listdir("."), name.encode() in posix.listdir(b"."))
with posix.scandir(".") as it:
    ents = [e for e in it if e.name == name]
print(len(ents), ents[0].is_file(), ents[0].is_dir(), ents[0].path, repr(ents[0]))
print(ents[0].stat().st_size)
posix.rename(name, name + "2")
print(posix.access(name + "2", posix.R_OK), posix.access(name, posix.F_OK))
posix.unlink(name + "2")
posix.mkdir("_scratch_posix__basics_dir")
try:
    posix.mkdir("_scratch_posix__basics_dir")
except FileExistsError as e:
    print("FileExistsError", e.errno)
posix.rmdir("_scratch_posix__basics_dir")
print(posix.strerror(errno.EACCES))
print(posix.fspath("a"), posix.fspath(b"b"))
class P:
    def __fspath__(self):
        return "p"
print(posix.fspath(P()))
try:
    posix.fspath(1)
except TypeError as e:
    print(e)
print(errno.ENOENT, errno.errorcode[errno.EAGAIN], errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[35])
print(len(posix.urandom(4)), isinstance(posix.getpid(), int))
print(posix.environ[b"PYTHONHASHSEED"])
