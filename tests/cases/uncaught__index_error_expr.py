# Ends with an IndexError in a subexpression; the traceback marks it with ~ and ^.
matrix = [[1, 2], [3, 4]]
i, j = 1, 2
print(matrix[0][0] + 1)
result = matrix[0][1] * 10 + matrix[i][j] * 100
