x = 5
if x > 3:
    y = 1
elif x < 0:
    y = 2
else:
    y = 3
if not x:
    pass
if x and y or z:
    print("yes")
