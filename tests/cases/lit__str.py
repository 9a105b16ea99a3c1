# String literal forms and escapes.
print('single', "double", '''triple
line''', """tri"ple""")
print("tab\there", "nl\\n", 'q\'q', "q\"q", "\x41\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}")
print(r"raw\n\t", R'raw\x41', "\101\060\7" == "A0\x07")
print("implicit" " concat" 'enation')
print(len("\U0001F600"), len("é"), len(""), len("\0"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\n\t\r\x00\x7f\x80\xff"))
print(repr("é€\U0001F600"), repr("\u200b"), repr("\ud800"), ascii("é€\U0001F600"))
print("a" "b" == "ab", "abc"[1], "abc"[-1], "x" * 3, 3 * "ab", "" * 5)
s = "héllo wörld"
print(s.upper(), s.title(), s.encode("utf-8"))
print("\
continued")
