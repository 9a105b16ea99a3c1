# open(): text write/read/append in the working directory (scratch file removed by the harness).
name = "_scratch_builtins__open.txt"
with open(name, "w", encoding="utf-8") as f:
    print(f.write("line one\n"), f.write("ligne deux é\n"), f.closed, f.name, f.mode)
print(f.closed)
with open(name, encoding="utf-8") as f:
    print(repr(f.read()))
with open(name, "a", encoding="utf-8") as f:
    f.write("third\n")
    print("x", 3, file=f)
with open(name, encoding="utf-8") as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(name, encoding="utf-8") as f:
    print([line.rstrip("\n") for line in f])
with open(name, encoding="utf-8") as f:
    print(repr(f.read(4)), repr(f.read(5)), f.readable(), f.writable())
with open(name, "rb") as f:
    data = f.read()
    print(data, type(data).__name__, len(data))
with open(name, "wb") as f:
    f.write(b"\x00\x01binary\xff")
with open(name, "rb") as f:
    print(f.read())
with open(name, "w") as f:
    f.writelines(["a\n", "b\n"])
print(open(name).read().split())
f = open(name)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("_scratch_does_not_exist_dir/x.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
try:
    open(name, "q")
except ValueError as e:
    print("ValueError:", e)
with open(name, "w") as f:
    pass
print(repr(open(name).read()))
