if 1:
    print('always')
if 0:
    print('never')
if True:
    a = 1
else:
    a = 2
if None:
    pass
while 0:
    pass
