# pyexpat parser options: ordered/specified attributes, namespace prefixes (triplets),
# intern, default handlers, encodings (UTF-16, latin-1, single-byte codecs), ParseFile,
# GetInputContext, SetBase/GetBase, ExternalEntityParserCreate.
import io
import pyexpat

doc = b"<!DOCTYPE r [<!ATTLIST r d CDATA 'dv' e CDATA #IMPLIED>]><r b='2' a='1'/>"
for ordered in (False, True):
    for specified in (False, True):
        p = pyexpat.ParserCreate()
        p.ordered_attributes = ordered
        p.specified_attributes = specified
        p.StartElementHandler = lambda n, a: print(ordered, specified, n, a)
        p.Parse(doc, True)

p = pyexpat.ParserCreate(namespace_separator="|")
p.namespace_prefixes = True
p.StartElementHandler = lambda n, a: print(n, a)
p.Parse(b"<x:r xmlns:x='urn:x' x:a='1' b='2'><x:s/></x:r>", True)
print(sorted(p.intern))

p = pyexpat.ParserCreate(intern=None)
print(p.intern)
shared = {}
p = pyexpat.ParserCreate(intern=shared)
p.Parse(b"<a><b c='1'/></a>", True)
print(sorted(shared))

for name in ("DefaultHandler", "DefaultHandlerExpand"):
    p = pyexpat.ParserCreate()
    out = []
    setattr(p, name, out.append)
    p.CommentHandler = lambda c: out.append(("comment", c))
    p.Parse(b"<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY e 'v'>]><a x='1'>t&e;&#65;<!--c--><![CDATA[d]]></a>", True)
    print(name, out)

for data in ["<a>\u00e9\u4e2d</a>".encode("utf-16"), "<a>\u00e9\u4e2d</a>".encode("utf-16-le"),
             b"<?xml version='1.0' encoding='iso-8859-1'?><a>\xe9</a>",
             b"<?xml version='1.0' encoding='cp1252'?><a>\x80</a>",
             b"\xef\xbb\xbf<a>\xc3\xa9</a>"]:
    p = pyexpat.ParserCreate()
    p.CharacterDataHandler = lambda d: print(repr(d))
    p.Parse(data, True)
p = pyexpat.ParserCreate("iso-8859-1")
p.CharacterDataHandler = lambda d: print(repr(d))
p.Parse(b"<a>\xc3\xa9</a>", True)

p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: print(n, p.GetInputContext())
p.ParseFile(io.BytesIO(b"<a><b/></a>"))
print(p.GetInputContext())

p = pyexpat.ParserCreate()
print(p.GetBase())
p.SetBase("http://base/")
p.EntityDeclHandler = lambda *a: print(a)
p.Parse(b"<!DOCTYPE a [<!ENTITY e SYSTEM 'e.xml'>]><a/>", True)
print(p.GetBase())

# An external entity parsed with a parser made by ExternalEntityParserCreate.
p = pyexpat.ParserCreate()
out = []
def ext(context, base, sysid, pubid):
    out.append(("ext", context, sysid))
    child = p.ExternalEntityParserCreate(context)
    child.Parse(b"<?xml version='1.0' encoding='utf-8'?>text <i>in</i> entity", True)
    return 1
p.ExternalEntityRefHandler = ext
p.StartElementHandler = lambda n, a: out.append(("S", n))
p.CharacterDataHandler = lambda d: out.append(("D", d))
p.Parse(b"<!DOCTYPE a [<!ENTITY e SYSTEM 'e.xml'>]><a>&e;</a>", True)
print(out)

p = pyexpat.ParserCreate()
print(p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS))
calls = []
p.ExternalEntityRefHandler = lambda *a: calls.append(a) or 1
p.UseForeignDTD()
p.Parse(b"<a/>", True)
print(calls)
try:
    pyexpat.ParserCreate(namespace_separator="ab")
except ValueError as e:
    print(e)
try:
    pyexpat.ParserCreate(intern=[])
except TypeError as e:
    print(e)
