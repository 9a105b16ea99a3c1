a = "x" 'y' """z"""
b = u"uni" "code"
c = "plain" u"later"
d = b"by" b'tes' rb"\d"
e = f"a{x}b" "c" f"{y!r:>{w}.{p}}" 'tail'
f = f"{x=}" f"{ y = !s}" f"{z=:>4}"
g = f"""multi
{line1}
    {line2:{fill}^10}
"""
h = (f"{a}"
     f"{b}" "lit"
     "more")
i = f"{x}{x}" f"" ""
j = f"{'nested' + f'{inner}'}"
k = f"{x:}" f"{x!a}"
l = "\N{BULLET} \x41 \u00e9 \U0001F600 \t\n\\"
m = r"\n\t" R'\x'
n = f"{{literal}} {x} }}"
o = f"{3,}" f"{a, b}"
p = f"{ (a, b) }"
q = 'quote"s' "it's" 'bo\'th"'
r = f"{x:{y}}" f"{x:%H:%M}"
s = "é" + "日本" + "😀"
t = b"\x00\xff\n'"
u = f"{lambda_:3}" f"{d['k']}"
