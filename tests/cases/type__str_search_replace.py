# str find/index/count/replace/startswith with ranges and negative indices.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.find("the", 1, 30), s.rfind("the"), s.rfind("the", 0, 30), s.find("o", -10), s.rfind("o", -10, -3))
print(s.index("fox"), s.rindex("o"), s.count("o"), s.count("o", 15), s.count("o", 15, 20), s.count(" "), s.count("xyz"))
print(s.startswith("the"), s.startswith("quick", 4), s.startswith(("a", "t")), s.endswith("dog"), s.endswith("lazy", 0, -4), s.endswith(()))
print(s.replace("the", "THE"), s.replace("o", "0", 2), s.replace(" ", ""), s.replace("", "|", 3))
print("aaaa".replace("aa", "b"), "aaaa".count("aa"), "aaaa".find("aa", 1), "".find(""), "abc".find("", 3), "abc".find("", 4), "abc".rfind(""))
for bad in [lambda: s.index("cat"), lambda: s.rindex("cat"), lambda: s.startswith(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
u = "ÀÉÎõü 日本語 😀😀"
print(u.find("日"), u.count("😀"), u.replace("😀", ":)"), u[::-1], u.upper(), u.lower(), len(u))
print("Hello".center(11, "-"), "x".join(["1", "2"]), "%".join("abc"), "ab".ljust(1), "tab\there".expandtabs(2))
