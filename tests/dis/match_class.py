class P:
    __match_args__ = ('x', 'y')
def f(p):
    match p:
        case P(x=0, y=0):
            return 'origin'
        case P(a, b) if a == b:
            return 'diag'
        case int() | float():
            return 'num'
        case str(s):
            return s
