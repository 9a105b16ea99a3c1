# pyexpat incremental parsing: one document fed in chunks split everywhere (inside tags,
# references, CDATA markers, multi-byte characters); str and bytes input; buffer_text.
import pyexpat

DOC = ("<?xml version='1.0'?>\n<!DOCTYPE r [<!ENTITY e 'ent'>]>\n"
       "<r a='1' b=\"&lt;x&gt;\">h\u00e9llo &e; w\u20acrld<![CDATA[ <raw> ]]>"
       "<!-- c --><?p d?><s/>t\U0001F600il\r\nend</r>\n")


def events(chunks, buffer_text=False):
    p = pyexpat.ParserCreate()
    p.buffer_text = buffer_text
    out = []
    p.StartElementHandler = lambda n, a: out.append(("S", n, sorted(a.items())))
    p.EndElementHandler = lambda n: out.append(("E", n))
    p.CharacterDataHandler = lambda d: out.append(("D", d))
    p.CommentHandler = lambda d: out.append(("C", d))
    p.ProcessingInstructionHandler = lambda t, d: out.append(("P", t, d))
    for i, c in enumerate(chunks):
        p.Parse(c, i == len(chunks) - 1)
    return out


def merged(evs):
    res = []
    for e in evs:
        if e[0] == "D" and res and res[-1][0] == "D":
            res[-1] = ("D", res[-1][1] + e[1])
        else:
            res.append(e)
    return res


data = DOC.encode()
whole = events([data])
print(whole)
print(events([data], buffer_text=True))
for step in (1, 2, 3, 5, 7, 13):
    chunks = [data[i:i + step] for i in range(0, len(data), step)]
    got = events(chunks)
    print(step, merged(got) == merged(whole), len(got))
    chunks = [DOC[i:i + step] for i in range(0, len(DOC), step)]
    print(step, "str", merged(events(chunks)) == merged(whole))
    print(step, "buffered", events([data[i:i + step] for i in range(0, len(data), step)], True) == events([data], True))

# buffer_size / buffer_used
p = pyexpat.ParserCreate()
calls = []
p.CharacterDataHandler = calls.append
p.buffer_text = True
p.buffer_size = 10
print(p.buffer_size, p.buffer_used)
p.Parse(b"<a>0123456789abcdef", False)
print(calls, p.buffer_used)
p.Parse(b"xyz<b/>123</a>", True)
print(calls, p.buffer_used)
for bad in (0, -1, "x"):
    try:
        p.buffer_size = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Positions in the middle of a chunked parse.
p = pyexpat.ParserCreate()
pos = []
p.StartElementHandler = lambda n, a: pos.append((n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
for c in [b"<a>\n <b", b"/>\n\xc3", b"\xa9<c/></a>"]:
    p.Parse(c, False)
p.Parse(b"", True)
print(pos)
