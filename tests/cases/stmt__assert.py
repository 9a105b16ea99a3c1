# assert statement.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError args:", e.args)
try:
    assert False, "with message"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], {"detail": [1, 2]}
except AssertionError as e:
    print("payload:", e.args[0])
calls = []
def msg():
    calls.append(1)
    return "lazy"
assert True, msg()
print("message not evaluated:", calls)
x = 5
try:
    assert x < 0, f"x={x} must be negative"
except AssertionError as e:
    print(e)
print(__debug__)
