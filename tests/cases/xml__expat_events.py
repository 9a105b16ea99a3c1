# pyexpat handler event logs (with positions) for documents exercising the XML
# declaration, DTD declarations, entities, CDATA, PIs, comments, namespaces and
# line ends.
import pyexpat

HANDLERS = ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler',
            'ProcessingInstructionHandler', 'CommentHandler', 'StartNamespaceDeclHandler',
            'EndNamespaceDeclHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
            'XmlDeclHandler', 'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler',
            'EntityDeclHandler', 'NotationDeclHandler', 'UnparsedEntityDeclHandler',
            'ElementDeclHandler', 'AttlistDeclHandler', 'SkippedEntityHandler',
            'ExternalEntityRefHandler', 'NotStandaloneHandler']


def log(doc, **kw):
    p = pyexpat.ParserCreate(**kw)
    out = []
    for n in HANDLERS:
        def h(*a, n=n):
            out.append((n[:-7], p.CurrentLineNumber, p.CurrentColumnNumber) + a)
            if n in ('ExternalEntityRefHandler', 'NotStandaloneHandler'):
                return 1
        setattr(p, n, h)
    try:
        p.Parse(doc, True)
    except pyexpat.ExpatError as e:
        out.append(('ERR', str(e), e.code, e.lineno, e.offset))
    print(repr(doc[:40]))
    for o in out:
        print('   ', o)


log("""<?xml version='1.0' encoding='utf-8' standalone='yes'?>
<!DOCTYPE r [
<!ENTITY e 'E<b>x</b>'>
<!ENTITY % p 'x'>
<!ENTITY u SYSTEM 'u.dat' NDATA gif>
<!ENTITY x SYSTEM 'x.xml'>
<!NOTATION gif PUBLIC 'g' 's'>
<!ELEMENT r (a|b)*>
<!ELEMENT a (#PCDATA|b)*>
<!ELEMENT b (c,(d|e)+,f?)>
<!ELEMENT c EMPTY>
<!ELEMENT d ANY>
<!ELEMENT e (#PCDATA)>
<!ATTLIST r x CDATA #IMPLIED y (a|b) 'a' z NMTOKEN #REQUIRED w CDATA #FIXED 'w'>
]>
<r z='  q  r '>a&e;b&lt;&#65;&#x42;\r
line2<![CDATA[c<d
]]><?pi data ?><!--com--><a xmlns='u'/></r>""")
log("<a>x\ny\r\nz\rw  </a>")
log("<!DOCTYPE r SYSTEM 'r.dtd'><r>&und;</r>")
log("<!DOCTYPE r PUBLIC 'p' 'r.dtd' [<!ENTITY x SYSTEM 'x.xml'>]><r>&x;</r>")
log("<!DOCTYPE r [%pe;]><r/>")
ns = "<r xmlns='http://d' xmlns:p='http://p' p:a='1' b='2'><p:c/><d xmlns=''/></r>"
log(ns, namespace_separator='}')
log(ns, namespace_separator=' ')
log("<r><q:a/></r>", namespace_separator='}')
log("<r xml:lang='en'/>", namespace_separator='!')
log('<a xmlns:x="a b"/>', namespace_separator='!')
log("<r a='x&#10;y\nz\tw' b='&lt;&amp;'/>")
log("<r>\u20ac\U0001F600<b x='1'>\u00e9</b></r>")
