import _io
name = "_scratch_io__open_files.txt"
with _io.open(name, "w") as f:
    print(type(f).__name__, f.mode, f.name, f.encoding, f.writable(), f.readable())
    print(f.write("line1\nline2\n"), f.write("é"))
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode)
print(f.closed)
with _io.open(name) as f:
    print(repr(f.readline()), repr(f.read()))
with _io.open(name, "rb") as f:
    print(type(f).__name__, f.read(3), f.peek(2)[:2], f.read())
    print(f.tell())
with _io.open(name, "a") as f:
    f.write("more\n")
with _io.open(name, "r+b") as f:
    print(type(f).__name__)
    f.seek(0, 2)
    f.write(b"end")
    f.seek(0)
    print(f.read())
with _io.open(name, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(5))
with _io.open(name, encoding="latin-1") as f:
    print(f.read().encode("latin-1"))
with _io.open(name) as f:
    print(list(f))
try:
    _io.open("_scratch_io__open_files_missing/zz")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
for mode in ["rw", "q", "rbt", "rr"]:
    try:
        _io.open(name, mode)
    except ValueError as e:
        print("ValueError:", e)
try:
    _io.open(name, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError:", e)
try:
    _io.open(name, "r", buffering=0)
except ValueError as e:
    print("ValueError:", e)
with _io.open(name, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with _io.open(name, "rb") as f:
    print(f.read())
with _io.open(name, newline="") as f:
    print(f.readlines())
with _io.open(name) as f:
    print(f.readlines())
f = _io.open(name, "rb")
try:
    f.write(b"x")
except _io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
f.close()
