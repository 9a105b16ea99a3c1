fs = [lambda x=i: x for i in range(3)]
g = lambda *, k=1: k
