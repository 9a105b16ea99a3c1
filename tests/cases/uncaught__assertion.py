# Ends with a failed assert carrying a message.
def check(values):
    total = sum(values)
    assert total > 10, f"total too small: {total}"
    return total

print(check([5, 6]))
check([1, 2])
