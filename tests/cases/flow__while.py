# while loops with break/continue/else.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while else runs", i)
i = 0
while True:
    i += 1
    if i > 3:
        break
else:
    print("never")
print("broke at", i)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz", steps)
j = 0
while j < 3:
    k = 0
    while k < 3:
        if k == j:
            break
        k += 1
    else:
        print("inner else", j)
    j += 1
print("done", j, k)
while 0:
    print("never")
else:
    print("else of empty while")
