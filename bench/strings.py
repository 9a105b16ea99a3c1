"""String building, joining, slicing, formatting and methods."""
def build(n):
    parts = []
    for i in range(n):
        parts.append(f"{i}:{i * i % 97:02x}")
    s = ",".join(parts)
    return s

def transform(s):
    out = []
    for word in s.split(","):
        k, v = word.split(":")
        if k.endswith("7"):
            out.append(v.upper() + k[::-1])
        else:
            out.append(k.zfill(6))
    return "".join(out)

def concat(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s

checksum = 0
for rep in range(9):
    s = build(40_000)
    t = transform(s)
    c = concat(60_000)
    checksum += len(s) + len(t) + c.count("7") + t.count("A")
print(checksum, s[:30], t[-30:])
