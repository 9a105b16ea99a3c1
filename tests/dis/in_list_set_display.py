x = 3
print(x in [1, 2, 3])
print(x not in {1, 2})
print(x in (4, 5))
for i in [1, 2, 3]:
    pass
for j in {4, 5}:
    pass
