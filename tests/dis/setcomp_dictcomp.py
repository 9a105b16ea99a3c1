a = {x for x in 'abc'}
b = {k: v for k, v in [(1, 2)]}
c = {x: x * 2 for x in range(3) if x}
