# str.split/rsplit/splitlines/strip edge cases.
cases = ["", " ", "a", " a ", "a  b", "a,b,,c,", ",", "  lead", "trail  ", "x\ty\nz\x0bw\x0cv\rq\x1cr\u2003s"]
for s in cases:
    print(repr(s), s.split(), s.split(" "), s.split(","), s.rsplit(None, 1), s.split(maxsplit=1), s.split(",", -1))
print("a-b-c-d".split("-", 2), "a-b-c-d".rsplit("-", 2), "a--b".split("--"), "aaa".split("a"), "abcabc".split("bc"))
print("1\n2\r\n3\r4\x0b5\x0c6\x1c7\x1d8\x1e9\x85A\u2028B\u2029C".splitlines())
print("keep\nends\r\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines(), "no newline".splitlines())
print(repr("  xx  ".strip()), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("xi")), repr("<<a>>".strip("<>")), repr("\u00a0a\u00a0".strip()))
print("www.example.com".strip("cmowz."), "  spacious  ".lstrip(), "mississippi".rstrip("ipz"), "".strip("x"))
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
print("a b c".split(None, 0), " a b c ".split(None, 1), " a b c ".rsplit(None, 1), "abc".split("abc"))
