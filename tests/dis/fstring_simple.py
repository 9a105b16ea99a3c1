x = 1
s = f'{x}'
t = f'a{x}b'
u = f'{x!r} {x!s} {x!a}'
v = f'{x:>10} {x:{x}}'
w = f''
