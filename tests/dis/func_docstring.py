def f():
    'doc string'
    return 1
def g():
    '''multi
    line'''
def h():
    1
    'not a docstring'
