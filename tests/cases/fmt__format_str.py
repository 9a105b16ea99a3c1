# format() for strings and other objects.
for s in ["", "abc", "héllo"]:
    print([format(s, spec) for spec in ["", "s", "5", "<5", ">5", "^5", "*^7", ".2", "8.1", "-^4"]])
for bad in ["d", "=5", "+", ",", "05"]:
    try:
        format("x", bad)
    except ValueError as e:
        print("ValueError:", e)
print(format(None), format([1, 2]), format(...))
try:
    format(None, "5")
except TypeError as e:
    print("TypeError:", e)
print(format(object.__new__(type("Q", (), {"__str__": lambda s: "Q!"}))), format(True, ">6"), format(False, "d"))
print("{:>8}".format("right"), "{:<8}|".format("left"), "{:^8}|".format("mid"), "{:.3}".format("truncate"))
