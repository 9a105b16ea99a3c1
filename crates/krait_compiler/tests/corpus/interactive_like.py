import sys
x = [i for i in sys.argv]
print(len(x))
