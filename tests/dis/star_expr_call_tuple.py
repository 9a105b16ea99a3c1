a = [1, 2]
b = (*a,)
c = (*a, *a)
d = *a, 3
print(*a, *b)
