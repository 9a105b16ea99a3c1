# Nested loops with break/continue/else at several levels, and loop variables afterwards.
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    else:
        continue
    break
print("found", found)
result = []
for i in range(4):
    if i == 1:
        continue
    k = 0
    while k < i:
        k += 1
        if k == 2:
            continue
        result.append((i, k))
    else:
        result.append(("else", i))
print(result)
def search(matrix, target):
    for r, row in enumerate(matrix):
        for c, val in enumerate(row):
            if val == target:
                return r, c
    return None
print(search([[1, 2], [3, 4]], 4), search([[1]], 9), search([], 1))
count = 0
for a in range(3):
    for b in range(3):
        for c in range(3):
            if a == b == c:
                continue
            count += 1
print(count)
n = 0
while True:
    n += 1
    for m in range(n):
        if m == 3:
            break
    else:
        continue
    break
print("n", n)
