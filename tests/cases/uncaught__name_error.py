# Ends with an uncaught NameError at module level.
print("before")
value = 10
print(valeu + 1)
