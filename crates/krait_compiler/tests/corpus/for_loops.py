for i in range(10):
    if i % 2:
        continue
    print(i)
else:
    print("end")
for a, b in [(1, 2), (3, 4)]:
    print(a, b)
for x in [p, q]:
    pass
for k in {1, 2, 3}:
    break
