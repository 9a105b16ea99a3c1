if __debug__:
    print('debug')
if not __debug__:
    print('optimized')
assert True
x = __debug__
