# for loops over many iterables, with break/continue/else.
for c in "ab":
    print(c)
for x in []:
    print("never")
else:
    print("empty else")
for x in range(10):
    if x % 3 == 0:
        continue
    if x == 8:
        break
    print(x, end=" ")
else:
    print("no")
print()
for k in {"b": 1, "a": 2}:
    print(k)
for k, v in {"b": 1, "a": 2}.items():
    print(k, v)
for i, (a, b) in enumerate(zip("xyz", range(3)), start=1):
    print(i, a, b)
for x in range(3):
    for y in range(3):
        if y == 2:
            break
        if x == 1:
            continue
        print(x, y)
    else:
        print("never inner else")
for x in range(2):
    pass
print("x after loop", x)
lst = [1, 2, 3]
for v in lst:
    if v == 1:
        lst.append(4)
print(lst)
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    else:
        return -1
print(find("hello", "l"), find("hello", "z"))
for x in range(3):
    try:
        if x == 1:
            continue
        print("body", x)
    finally:
        print("finally", x)
