# More printf-style formatting: floats in %r/%s, flags combined, dict keys with widths.
vals = [0.1, 1e16, 1e-7, -0.0, float("inf"), 123456789.0]
for v in vals:
    print("%s|%r|%f|%e|%g|%10.3g|%-12.4e|%+.0f|%#.0f|%08.2f" % (v, v, v, v, v, v, v, v, v, v))
print("%(x)5d|%(y)-6s|%(x)x|%(z).2f" % {"x": 42, "y": "ab", "z": 3.14159})
print("%5s|%-5s|%.2s|%5.1s|%s" % ("abc", "abc", "abc", "abc", ("t",)))
print("%d %d" % (True, 3.99), "%x %o %X" % (True, 9, 3054), "%#o %#x %#X" % (0, 0, 255))
print("%c%c%c" % (72, 105, 0x1F600), "%a %r" % ("é", "é"), "%%%d%%" % 50)
print("%s and %s" % ([1, 2], {"k": (1,)}), "%.3r" % "abcdef", "%10r|" % None)
print("%i|%5.3d|%-5d|%05d|% d|%+d" % (7, 7, 7, -7, 7, 7))
