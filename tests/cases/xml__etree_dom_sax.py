# The pure-Python XML packages over pyexpat: ElementTree (fromstring/tostring/iterparse/
# XMLPullParser/errors/doctype), minidom, sax with a ContentHandler, plistlib, xmlrpc.
import io
import xml.etree.ElementTree as ET

r = ET.fromstring("<root a='1'><child>text</child><child b='2'/>tail<!-- c --><?pi x?></root>")
print(r.tag, r.attrib, [c.tag for c in r], r[0].text, r[1].tail)
print(ET.tostring(r))
for ev, el in ET.iterparse(io.BytesIO(b"<a xmlns='u'><b>1</b><c/></a>"), events=("start", "end", "start-ns", "end-ns")):
    print(ev, el if ev.endswith('ns') else el.tag)
p = ET.XMLPullParser(events=("start", "end", "comment", "pi"))
for ch in ["<ro", "ot><x>h", "i</x", "><!--k--><?t d?></root>"]:
    p.feed(ch)
    print([(e, el.tag if e in ("start", "end") else el.text) for e, el in p.read_events()])
for bad in ["<a><b></a>", "foo", "<tag>&foo;</tag>", "foobar<", ""]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print("ParseError", e, e.code, e.position)


class Doctype:
    def doctype(self, name, pubid, system):
        print("doctype", name, pubid, system)

    def close(self):
        return None


parser = ET.XMLParser(target=Doctype())
parser.feed('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html>text</html>')
parser.close()
tree = ET.ElementTree(ET.fromstring("<a><b x='1'>t</b><b>u</b></a>"))
print([b.text for b in tree.iterfind("b")], tree.find("b[@x='1']").text)
print(ET.tostring(ET.fromstring("<p:a xmlns:p='urn:p'><p:b/></p:a>")))

import xml.dom.minidom as md
d = md.parseString("<?xml version='1.0'?><doc><e a='x &amp; y'>t&lt;</e><!--c--></doc>")
print(d.toxml())
print(d.documentElement.toprettyxml())
d = md.parseString(b"<!DOCTYPE doc [<!ENTITY e 'ent'>]><doc xmlns:p='urn:p'><p:e p:a='1'>&e;</p:e></doc>")
e = d.getElementsByTagNameNS("urn:p", "e")[0]
print(e.namespaceURI, e.prefix, e.localName, e.getAttributeNS("urn:p", "a"), e.firstChild.data, d.doctype.name)

import xml.sax
from xml.sax.handler import ContentHandler


class H(ContentHandler):
    def startElement(self, n, a):
        print("start", n, dict(a))

    def endElement(self, n):
        print("end", n)

    def characters(self, c):
        print("chars", repr(c))

    def processingInstruction(self, t, d):
        print("pi", t, d)


xml.sax.parseString(b"<a x='1'>hi<b/>there<?p q?></a>", H())
try:
    xml.sax.parseString(b"<a><b></a>", H())
except xml.sax.SAXParseException as e:
    print("SAXParseException", e, e.getLineNumber(), e.getColumnNumber())

import plistlib
data = {"a": 1, "b": [1.5, "x", True], "c": {"d": b"bytes"}}
s = plistlib.dumps(data)
print(s.decode())
print(plistlib.loads(s) == data)

import xmlrpc.client
req = xmlrpc.client.dumps((1, "two", [3.0, {"k": True}]), "meth")
print(xmlrpc.client.loads(req))
