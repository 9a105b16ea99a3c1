print()
print(1)
print(1, 2, sep='-')
f = print
f('x', end='\n')
