# Mixed literal prefixes and unusual forms.
name = "w"
print(f"x{name}y", F"{name!r}", rf"\{name}", fr"{name}\n", Rf"{{}}")
print(u"unicode prefix", type(u""))
print("""a
b\
c""")
print(b"\x80"[0], "\u00ff".encode("latin-1"), "\N{EURO SIGN}")
print(0xDEAD_BEEF, 1_2.3_4e1_0, 0.000_001)
