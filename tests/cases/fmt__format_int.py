# format() mini-language for integers.
specs = ["", "d", "5", "<5", ">5", "^5", "=+6", "+", "-", " ", "05", "x", "X", "#x", "#X", "o", "#o", "b", "#b",
         ",", "_", "_x", "_b", ",d", "c", "n", "010,", "#010x", "*^9", "0=8", "e", ".2f", "%", "g", "G", ".3e", "+.1E"]
for v in [0, 7, -7, 255, 1234567, -98765432109876543210, True]:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except (ValueError, OverflowError) as e:
            out.append(f"<{type(e).__name__}: {e}>")
    print(v, out)
for bad in ["s", ".2", ",x", "_c", "z", "=", "+c"]:
    try:
        print(format(5, bad))
    except ValueError as e:
        print("ValueError:", e)
print(format(10**40, ","), format(-(10**40), "_x"), format(2**100, "#b")[:20])
