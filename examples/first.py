a = 10
b = 10
print("Sum ", (a+b))
