for i in range(3):
    print(i)
for i, j in [(1, 2)]:
    pass
for x in 'ab':
    if x:
        continue
    break
else:
    pass
