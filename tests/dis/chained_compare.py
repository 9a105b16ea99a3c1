a, b, c = 1, 2, 3
print(a < b < c)
print(a < b <= c != 4 > 0)
if 0 <= a < 10:
    print('ok')
