# pyexpat events (with byte indexes) of a document fed in chunks of several sizes, with a
# default handler: character data at chunk ends, CR LF, CDATA brackets, references.
import pyexpat
DOC = ("<?xml version='1.0'?>\n<!DOCTYPE r [<!ENTITY e 'ent'>]>\n"
       "<r a='1' b=\"&lt;x&gt;\">h\u00e9llo &e; w\u20acrld<![CDATA[ <raw>\r\n ]] ]]><!-- c --><?p d?><s/>t\U0001F600il\r\nend]]</r>\n").encode()
def events(chunks):
    p = pyexpat.ParserCreate()
    out = []
    p.StartElementHandler = lambda n, a: out.append(("S", n, p.CurrentByteIndex))
    p.EndElementHandler = lambda n: out.append(("E", n, p.CurrentByteIndex))
    p.CharacterDataHandler = lambda d: out.append(("D", d, p.CurrentByteIndex))
    p.DefaultHandler = lambda d: out.append(("def", d))
    for i, c in enumerate(chunks):
        p.Parse(c, i == len(chunks) - 1)
        out.append("|")
    return out
for step in (4, 1000):
    evs = events([DOC[i:i + step] for i in range(0, len(DOC), step)])
    start = next(i for i, e in enumerate(evs) if e[0] == "S")
    print(step, [e for e in evs[start:] if e != "|"] if step < 1000 else evs)
