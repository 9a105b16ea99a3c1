# Rewinding a text file opened for reading (seek(0, 0), seek(0, 2), seek(tell())); relative
# seeks with a nonzero offset are refused in text mode.
name = "_scratch_io__text_seek.txt"
with open(name, "w", encoding="utf-8") as f:
    f.write("0\n1\n")
f = open(name, "r", encoding="utf-8")
print(list(f), f.seek(0, 0), list(f))
f.seek(0)
print(repr(f.readline()), f.tell())
try:
    f.seek(1, 1)
except OSError as e:
    print(e)
print(f.seek(0, 2), repr(f.read()), f.seek(2), repr(f.read()))
f.close()
