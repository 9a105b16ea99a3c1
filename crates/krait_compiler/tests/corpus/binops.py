r = a + b - c * d / e // f % g ** h
s = a << b >> c & d | e ^ f
t = a @ b
u = -a + +b - ~c
