with open('x') as f:
    pass
with open('a') as a, open('b') as b:
    pass
with open('c'):
    print(1)
