with open('x') as (a, b):
    pass
with open('y') as d['k']:
    pass
