# No encoding declaration, but a byte that is not UTF-8.
print("never runs")
x = "café"
