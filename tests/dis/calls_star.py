args = (1, 2)
kw = {'sep': '-'}
print(*args)
print(*args, **kw)
print(0, *args, 3, *args)
print(**kw)
print(*args, end='', **kw)
