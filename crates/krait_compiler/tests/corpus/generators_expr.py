total = sum(x * x for x in range(10))
any_ = any(x > 3 for x in data)
nested = [[j for j in range(i)] for i in range(3)]
