# s += t must never change a str another name still refers to.
def build(n):
    s = ""
    keep = []
    for i in range(n):
        s += str(i)
        if i % 3 == 0:
            keep.append(s)
    return s, keep

s, keep = build(10)
print(s)
print(keep)

def alias():
    a = "ab"
    b = a
    a += "c"
    c = a
    a += "d"
    return a, b, c

print(alias())

def self_concat():
    a = "xy"
    a += a
    a += a
    return a

print(self_concat())

def in_dict():
    d = {"k": "v"}
    x = d["k"]
    x += "w"
    return x, d

print(in_dict())
