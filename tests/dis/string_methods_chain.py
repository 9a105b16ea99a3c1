s = ' Hello '
print(s.strip().lower().replace('h', 'j').split())
