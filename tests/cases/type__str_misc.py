# str: comparison, hashing equality, iteration, conversion, multiplication, unicode.
s = "Straße ǅemal Ω 𝔘"
print(list(s[:3]), [c for c in "héllo" if ord(c) > 127], len(s), s.encode("utf-8"), len(s.encode("utf-16-le")))
print(str(123), str(-0.0), str([1, "a"]), str({"k": "v"}), str((1,)), str(None), str(True), str(b"\x00"), str(1j))
print(sorted(["b", "B", "a", "_", "1", " ", "é", "É"]), "abc" < "abd" < "b", "A" < "a", "aa" > "a")
print("abc" == "abc", "abc".__class__ is str, "a" * 0 == "", "".join(reversed("stressed")), "x".isalpha())
print("%s" % "text", str.upper("x"), str.join(",", "ab"), "{}{}".format(*"ab"), "a,b".split(",")[::-1])
print("ǅ".lower(), "ǅ".upper(), "ǅ".title(), "ß".upper(), "İ".lower(), len("İ".lower()), "ﬀ".upper(), "Σ".lower(), "ΌΣΟΣ".lower())
print("hello world".title(), "HELLO".swapcase(), "o'neil mc-donald".title(), "a1b2".capitalize(), "ÉCOLE".casefold())
print([ch for ch in "a\u0301e"], "a\u0301" == "á", len("a\u0301"))
print(min("zebra"), max("zebra"), sorted("zebra", reverse=True), "".join(sorted(set("mississippi"))))
print(str(bytearray(b"ab")), type(memoryview(b"x")).__name__, repr(str(b"q", "ascii")))
