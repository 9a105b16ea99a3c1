a = 'a' 'b'
b = ('long '
     'string')
c = b'x' b'y'
d = 'x' f'{a}' 'y'
