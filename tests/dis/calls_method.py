s = 'a,b'
print(s.split(','))
l = []
l.append(1)
l.extend([2, 3])
print(s.replace('a', 'b').upper())
