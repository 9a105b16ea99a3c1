# str methods: predicates, padding, translation, encoding.
samples = ["abc", "ABC", "Abc", "123", "١٢٣", "½", "a1", "", " ", "\t\n", "Hello World", "hello_world", "_x1", "1x", "ǅ", "²"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
print("\x07".isprintable(), "\u00a0".isspace(), "class".isidentifier(), "ñ".isidentifier())
print(repr("abc".center(9)), repr("abc".center(8, "*")), repr("abc".ljust(6, ".")), repr("abc".rjust(6)), repr("abc".center(2)))
print("42".zfill(5), "-42".zfill(5), "+4".zfill(4), "abc".zfill(5), "".zfill(3))
print("a\tb\tc".expandtabs(), "a\tbc\td".expandtabs(4), "\t".expandtabs(0))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): None, ord("h"): "J"}), str.maketrans({"a": "1"}))
print("héllo".encode(), "héllo".encode("latin-1"), "héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"),
      "h€".encode("ascii", "xmlcharrefreplace"), "h€".encode("ascii", "backslashreplace"), "😀".encode("utf-16-le"), "a".encode("utf-32-be"))
print("%s|%5s|%-5s|" % ("a", "b", "c"), "abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1))
print(str(), str(123), str(b"ab"), str(b"ab", "ascii"), str(bytearray(b"x"), "utf-8"), str(1.5e300), str([1, "a"]))
print("ab" * 3, 2 * "x", "abc"[::-1], "Straße".lower() == "strasse", "Straße".casefold() == "strasse")
print(ord("a"), ord("€"), ord("😀"), chr(97), chr(8364), chr(128512), [hex(ord(c)) for c in "aé€😀"])
print("{}".join("ab"), "x".format(), "abc".__hash__() == hash("abc"), str.__name__)
