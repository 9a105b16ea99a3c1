import csv, io
def w(rows, **kw):
    s = io.StringIO()
    wr = csv.writer(s, **kw)
    for r in rows:
        print(repr(wr.writerow(r)), end=' ')
    print(repr(s.getvalue()))
w([['a', 'b,c', 'd"e', 'f\ng', 'h\ri', '', None, 1, 2.5, True]])
w([['a', 'b,c', 'd"e', '', None, 1, 2.5, True, 3+4j]], quoting=csv.QUOTE_NONNUMERIC)
w([['a', 'b c', '']], quoting=csv.QUOTE_ALL)
w([['a', 'b,c', 'q"']], quoting=csv.QUOTE_NONE, escapechar='\\')
w([['a\\b', 'q"x']], escapechar='\\', doublequote=False)
w([['x\ry', 'tab\tz']], lineterminator='\n', delimiter='\t')
w([[''], [], ['', ''], [' lead']])
for bad in [dict(quoting=csv.QUOTE_NONE)]:
    try:
        w([['a,b']], **bad)
    except csv.Error as e:
        print('Error', e)
try:
    w([['']], quoting=csv.QUOTE_NONE)
except csv.Error as e:
    print('Error', e)
try:
    w([5])
except csv.Error as e:
    print('Error', e)
def r(lines, **kw):
    rd = csv.reader(lines, **kw)
    try:
        for row in rd:
            print(row, rd.line_num, end=' | ')
    except csv.Error as e:
        print('Error', e, end='')
    print()
r(['a,b,c\r\n', '1,"2,3","x""y"\n', '\n', '"multi\n', 'line",end\n', 'last'])
r(['a, b,  c'], skipinitialspace=True)
r(['1,2.5,"x",,3'], quoting=csv.QUOTE_NONNUMERIC)
r(['a\\,b,c\\\n', 'd'], escapechar='\\')
r(['"a"b,c'])
r(['"a"b,c'], strict=True)
r(['"unterminated'], strict=True)
r(['"unterminated'])
r(['a\0b'])
r(['a,b\rc'])
r(['a;b;"c;d"'], delimiter=';')
r(['a|b'], dialect='excel-tab')
r(["'x','y'"], quotechar="'")
r(['a,"b'], quoting=csv.QUOTE_NONE)
r([b'bytes'])
print(list(csv.DictReader(io.StringIO('h1,h2\n1,2\n3,4,5\n'))))
s = io.StringIO(); dw = csv.DictWriter(s, ['x', 'y']); dw.writeheader(); dw.writerow({'x': 1, 'y': 'a,b'}); print(repr(s.getvalue()))
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()), csv.get_dialect('semi').delimiter, csv.get_dialect('semi').quoting)
w([['a', 1]], dialect='semi')
csv.unregister_dialect('semi')
try:
    csv.unregister_dialect('semi')
except csv.Error as e:
    print('Error', e)
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
r(['x' * 11])
csv.field_size_limit(131072)
print(csv.Sniffer().sniff('a;b;c\n1;2;3\n').delimiter, csv.Sniffer().has_header('name,age\nbob,3\nal,4\n'))
class D(csv.Dialect):
    delimiter = ':'
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
w([['a', 'b:c']], dialect=D)
try:
    class Bad(csv.Dialect):
        delimiter = '::'
    Bad()
except csv.Error as e:
    print('Error', e)
d = csv.get_dialect('excel')
print(d.delimiter, repr(d.lineterminator), d.quoting, d.escapechar, d.strict, d.doublequote, d.skipinitialspace, repr(d.quotechar))
for kw in [dict(delimiter='ab'), dict(delimiter=1), dict(quotechar=3), dict(quoting=9), dict(quoting='x'), dict(lineterminator=4), dict(escapechar='xy'), dict(quotechar=None, quoting=csv.QUOTE_ALL)]:
    try:
        csv.reader([], **kw)
    except TypeError as e:
        print('TypeError', e)
print(csv.reader([], quotechar=None).dialect.quoting)
