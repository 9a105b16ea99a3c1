# format() mini-language for floats.
specs = ["", "f", ".0f", ".1f", ".3f", "10.2f", "<10.2f", "^10.2f", "+.2f", " .2f", "010.2f", "e", ".2e", "E",
         "g", ".3g", ".10g", "G", "#g", "%", ".1%", ",", ",.2f", "_.3f", ".2", "n", "z.1f", "#.0f", "=+10.1f"]
vals = [0.0, -0.0, 1.0, -1.5, 3.14159, 2.5, 1234567.891, 1e-7, 1.5e300, 0.000123456, 123456789012.0, float("inf"), float("-inf"), float("nan"), 1e16, 0.1]
for v in vals:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except ValueError as e:
            out.append(f"<ValueError: {e}>")
    print(repr(v), out)
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(2.675, ".2f"), format(1e22, "f"), format(1e-5, "f"))
print(format(123.456, ".2g"), format(0.0001, "g"), format(1e-5, "g"), format(123456.0, "g"), format(1234567.0, "g"), format(1e100, ".3"))
for bad in ["d", "x", "c", ",b"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print("ValueError:", e)
print(format(1 + 2j, ""), format(1 + 2j, ".2f"), format(-1.5j, "+.1e"), format(1j, "10"), format(3 - 0j, "g"))
