# pyexpat errors: codes, messages with positions, ErrorLineNumber/ErrorColumnNumber/
# ErrorByteIndex, for malformed documents.
import pyexpat

docs = [b"hello", b"", b"  ", b"<a", b"<a>", b"<a></b>", b"<a/><b/>", b"<a/>x", b"<a>&foo;</a>",
        b"<a>&#0;</a>", b"<a b='1' b='2'/>", b"<a b=1/>", b"<a><!-- x -- y --></a>",
        b"<a><![CDATA[x</a>", b"<a>]]></a>", b"<?xml version='1.0'?>\n<a>\n<b></c></a>",
        b"\n<?xml version='1.0'?><a/>", b"<a>\xff</a>", b"<a>\xc3</a>", b"<a>\xc3",
        b"<a x='<'/>", b"<a x='&'/>", b"<a:b/>", b"<a><?xml x?></a>",
        b"<!DOCTYPE a [<!ENTITY e '&e;'>]><a>&e;</a>", b"<a>&amp</a>", b"<1a/>", b"<a b c/>",
        b"<a>\n  <b>\n</a>", b"<a b='", b"<!-- c", b"<?pi", b"<a/>   <!--x--> <?p?> ",
        b"<?xml version='1.0' standalone='maybe'?><a/>", b"<?xml?><a/>", b"<a\x01/>",
        b"<a>\x01</a>", b"<a>text</a  >", b"</a>", b"<a>x</a>\n</a>",
        b"<!DOCTYPE a><!DOCTYPE b><a/>", b"<a>&#x110000;</a>", b"<a>&#65</a>",
        b"<a><b>x</b></a>junk", b"<a>\xe2\x82\xac\xf0\x9f\x98\x80<b x='1'></c>",
        b"foobar<", b"foo", b"<a/>foo<", b"&a;", b"<?XML version='1.0'?><a/>",
        b"<?xml encoding='utf-8'?><a/>", b"<?xml version='1.0' foo='x'?><a/>", b"\0\r\n"]
for d in docs:
    p = pyexpat.ParserCreate()
    try:
        p.Parse(d, True)
        print(repr(d), "ok", p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)
    except pyexpat.ExpatError as e:
        print(repr(d), e.code, str(e), (e.lineno, e.offset),
              (p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex))
        print("   ", pyexpat.ErrorString(e.code) == pyexpat.errors.messages[e.code])

# Unknown encodings ask Python's codecs.
p = pyexpat.ParserCreate()
try:
    p.Parse(b"<?xml version='1.0' encoding='bogus'?><a/>", True)
except LookupError as e:
    print("LookupError", e)
# Parsing after the final chunk.
p = pyexpat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"", True)
except pyexpat.ExpatError as e:
    print(e.code, e)
print(pyexpat.ErrorString(1), pyexpat.ErrorString(0), pyexpat.ErrorString(44))
print(sorted(pyexpat.errors.codes.items(), key=lambda kv: kv[1])[:5], len(pyexpat.errors.messages))
print(pyexpat.EXPAT_VERSION, pyexpat.version_info, pyexpat.native_encoding)
print([n for n in dir(pyexpat.model) if n.startswith("XML")])
print(pyexpat.ExpatError is pyexpat.error, pyexpat.ExpatError.__module__)

# Errors in DTD declarations, entity expansion, attribute values and namespaces.
for d in [b'<!DOCTYPE a [<!ENTITY e "%x;">]><a/>', b'<!DOCTYPE a [<!ENTITY e "&#0;">]><a/>',
          b'<!DOCTYPE a [<!ATTLIST a b CDATA "&u;">]><a/>', b'<!DOCTYPE a [<!ENTITY e "x" y>]><a/>',
          b'<a b="x&u;"/>', b'<a b="&#0;"/>', b'<!DOCTYPE a [<!ENTITY e "<b>">]><a>&e;</a>',
          b'<!DOCTYPE a [<!ENTITY e "</a>">]><a>&e;',
          b'<!DOCTYPE a [<!ENTITY e "&f;"><!ENTITY f "&e;">]><a>&e;</a>',
          b'<!DOCTYPE a [<!ENTITY e "x">]><a b="&e;"/>', b'<!DOCTYPE a [<!ENTITY e SYSTEM "x">]><a b="&e;"/>',
          b'<!DOCTYPE a [<!ENTITY e SYSTEM "x" NDATA n>]><a>&e;</a>', b'<!DOCTYPE a [<!ELEMENT a (b,c|d)>]><a/>',
          b'<!DOCTYPE a [<!FOO>]><a/>', b'<!DOCTYPE a [ junk ]><a/>', b'<!DOCTYPE a [<!ATTLIST a b CDATA>]><a/>',
          b'<a xmlns:x=""/>', b'<x:a xmlns:x="u" xmlns:y="u" x:b="1" y:b="2"/>', b'<a xmlns:xmlns="u"/>',
          b'<a xmlns:xml="u"/>', '<a>\u00e9</a>'.encode('latin-1'),
          b'<?xml version="1.0" encoding="us-ascii"?><a>\xc3\xa9</a>', b'<a>&#xD800;</a>', b'<a>&#65;&#X41;</a>']:
    p = pyexpat.ParserCreate(namespace_separator=' ' if b'xmlns' in d else None)
    try:
        p.Parse(d, True)
        print(d, 'ok')
    except pyexpat.ExpatError as e:
        print(d, e)
