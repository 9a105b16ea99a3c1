# Fill/align/sign/width/zero-padding across types.
for spec in ["<8", ">8", "^8", "*<8", "0>8", "#^9", "=+8" ]:
    row = []
    for v in [42, -42, 3.5, "s"]:
        try:
            row.append(format(v, spec))
        except ValueError as e:
            row.append(f"ValueError({e})")
    print(spec, row)
print([format(v, "08.2f") for v in [3.14159, -3.14159, 0.0, -0.0]])
print([format(v, "+06d") for v in [5, -5, 0]], [format(v, " 6d") for v in [5, -5]])
print([format(v, "<+8.3e") for v in [1234.5, -0.00012]], format(1e100, ">12.2e"))
print(format(12345678, "012,d"), format(-12345678, "013_d"), format(1234.5, "012,.1f"))
print(format("abc", "<1"), format("abc", ".1"), format("", "*^3"), format(7, "c") if False else format(65, "c"))
table = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 3.0, 1)]
for name, price, qty in table:
    print(f"{name:<12}{price:>8.2f}{qty:>5d}{price * qty:>10.3f}")
