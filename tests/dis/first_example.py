def square(n):
    return n * n

total = 0
for i in range(10):
    total += square(i)
print(total)
