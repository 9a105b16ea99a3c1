i = 0
while True:
    i += 1
    if i > 3:
        break
while 1:
    break
