import os
p = os.path
j = os.path.join('a', 'b')
class A: pass
a = A()
a.x = 1
del a.x
