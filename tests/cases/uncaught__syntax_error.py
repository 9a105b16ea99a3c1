# The main file has a syntax error: nothing runs, SyntaxError is reported.
print("this never runs")
def broken(x):
    return (x +
print("unbalanced")
