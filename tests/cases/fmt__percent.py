# printf-style % formatting.
print("%s %r %a" % ("é", "é", "é"), "%d %i %u" % (1, -2, 3), "%5d|%-5d|%05d" % (42, 42, 42))
print("%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8), "%e %E %.2e" % (12345.678, 0.0001, 1.0))
print("%f %.0f %.3f %10.2f %-10.2f| %+.1f % .1f" % (3.14159, 2.5, 1 / 3, 3.14159, 3.14159, 2.0, 2.0))
print("%g %g %g %G %#g" % (0.0001, 1e-5, 123456789, 1e-10, 1.0))
print("%c%c %%" % (65, "b"), "%(name)s is %(age)d" % {"name": "Bo", "age": 7}, "%s" % [1, 2], "%s" % ((1, 2),))
print("%*d|%-*s|%.*f" % (5, 1, 4, "a", 2, 3.14159), "%3s|%.1s" % ("abcd", "xyz"), "no args" % ())
print("%d" % 3.99, "%x" % -255, "%o" % -8, "%s" % None, "%r" % None, "%5.1s|" % "hello", "%i" % True)
print("%d" % 10**30, "%x" % 2**70, "%.3s" % 12345, "%%d" % (), "%s-%s" % ("a", "b"))
for bad in [lambda: "%d" % "s", lambda: "%s %s" % "a", lambda: "%z" % 1, lambda: "%c" % 1234567, lambda: "%c" % "ab", lambda: "%(a)s" % 1, lambda: "%" % ()]:
    try:
        bad()
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print(b"%s %d %x" % (b"bytes", 5, 255), b"%5s|" % b"ab", b"%c" % b"x", "%s" % b"x")
