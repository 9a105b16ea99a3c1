# The unicode_escape and raw_unicode_escape codecs.
import codecs
for s in ["plain", "tab\there\n", "back\\slash", "caf\xe9", "\u20ac", "\U0001f600", "quote'\"", "\x7f\x00"]:
    e = s.encode("unicode_escape")
    r = s.encode("raw_unicode_escape")
    print(e, r, e.decode("unicode_escape") == s, r.decode("raw_unicode_escape") == s)
print(b"\\x41\\101\\u20ac\\U0001f600\\n\\t\\\\\\\nend".decode("unicode_escape"))
print(b"\\u20ac\\\\u20ac\\x41".decode("raw_unicode_escape"))
print(codecs.unicode_escape_decode("\\x41\\x42"))
print(codecs.unicode_escape_encode("\u1234"))
for bad in [b"\\x4", b"abc\\", b"\\u12", b"\\U00110000"]:
    try:
        bad.decode("unicode_escape")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
print(b"a\\x4zb".decode("unicode_escape", "replace"), b"a\\x4zb".decode("unicode_escape", "ignore"))
import ast
print(ast.unparse(ast.parse("x = 'a\\x00b\\u1234'")))
