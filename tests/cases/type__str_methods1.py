# str methods: case, search, strip, split/join.
s = "Hello, World! ßtraße ǅ"
print(s.lower(), s.upper(), s.casefold(), s.swapcase(), s.title(), s.capitalize())
print("hello world".title(), "they're bill's".title(), "ABC def".capitalize(), "ﬁ".upper())
t = "abracadabra"
print(t.find("bra"), t.find("bra", 2), t.rfind("bra"), t.find("x"), t.find(""), t.find("", 20), t.index("cad"), t.rindex("a"))
print(t.count("a"), t.count("bra"), t.count(""), t.count("a", 3, 8), t.startswith("abr"), t.startswith(("x", "ab")), t.endswith("ra", 0, 11), t.endswith(("a",), 1, 4))
print(repr("  \t x y \n ".strip()), repr(" x ".lstrip()), repr(" x ".rstrip()), "xxhixx".strip("x"), "abcba".strip("ab"), "\u3000 x\u3000".strip())
print("a,b,,c".split(","), "a b  c ".split(), " a b ".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","))
print("line1\nline2\r\nline3\rline4".splitlines(), "a\nb\n".splitlines(True), "x\x0by\x1cz\u2028w".splitlines())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "ab".join("123"))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("", "-"), "abc".replace("", "."), "x".replace("x", ""))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "abc".removeprefix("x"))
print("ab" in "cabd", "abc" < "abd", "Z" < "a", max("hello"), min("hello"), sorted("hello"), "é" > "e")
