# Ends with a KeyError whose key is a tuple, raised from a nested dict lookup in a comprehension.
grid = {(0, 0): "origin", (1, 0): "east"}
names = [grid[(x, 0)] for x in range(3)]
