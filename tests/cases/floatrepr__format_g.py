# %g / format 'g' / repr thresholds and precision handling.
vals = [0.0001, 0.00001, 123456.0, 1234567.0, 1e15, 1e16, 1.5e-5, 0.1, 100.0, 1e100, 123.456, 9.9999995, 0.000099999]
for v in vals:
    print(repr(v), "%g" % v, "%.3g" % v, "%.10g" % v, format(v, "g"), format(v, ".1g"), format(v, "#g"), format(v, ""), str(v), "%.12g" % v)
print(format(1e-4, ".0e"), format(9.5, ".0f"), format(8.5, ".0f"), format(0.0005, ".3f"), format(0.00049, ".3f"))
print([format(2.5 * 10**k, ".1e") for k in range(-3, 4)], [format(v, ".2g") for v in (0.995, 9.995, 99.95)])
