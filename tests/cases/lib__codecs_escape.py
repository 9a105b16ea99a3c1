# The backslash-escape codecs (pickle's protocol 0 text uses raw_unicode_escape).
import codecs, pickle
s = "x\u1234\\ \t\n\xe9\U0001f600'"
for enc in ("unicode_escape", "raw_unicode_escape"):
    b = s.encode(enc)
    print(enc, b, b.decode(enc) == s)
print(b"\\101\\x41\\u0041\\N".decode("unicode_escape", "ignore") if False else b"\\101\\x41\\u0041".decode("unicode_escape"))
print(b"\\\\u0041 \\\\\\u0041".decode("raw_unicode_escape"))
for bad in (b"\\x4", b"\\u12", b"abc\\"):
    try:
        bad.decode("unicode_escape")
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
print(b"a\\x4z".decode("unicode_escape", "replace"), b"a\\x4z".decode("unicode_escape", "ignore"))
print(codecs.escape_decode(b"a\\x41\\n\\'\\101"), codecs.escape_encode(b"a'\n\x00\xff\\"))
try:
    codecs.escape_decode(b"\\x4")
except ValueError as e:
    print(e)
print(codecs.unicode_escape_decode(b"ab\\u12", "strict", False))
print(pickle.loads(pickle.dumps("a\\u1234\u1234\n", 0)) == "a\\u1234\u1234\n", pickle.dumps("\u20ac\n", 0))
