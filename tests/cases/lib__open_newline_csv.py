# open(newline=...): no translation on reading unless None, \n replaced on writing for "\r" and "\r\n" (csv needs newline="").
import os, tempfile, csv
d = tempfile.mkdtemp(); p = os.path.join(d, "n.txt")
with open(p, 'wb') as f:
    f.write(b'a\r\nb\rc\nd')
for nl in [None, '', '\n']:
    with open(p, newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with open(p, newline=nl) as f:
        print(repr(nl), [l for l in f][:2] if nl != '' else 'skip')
for nl in [None, '', '\n', '\r', '\r\n']:
    with open(p, 'w', newline=nl) as f:
        f.write('x\ny\r\n')
    with open(p, 'rb') as f:
        print(repr(nl), f.read())
try:
    open(p, newline='x')
except ValueError as e:
    print(e)
try:
    open(p, 'rb', newline='')
except ValueError as e:
    print(e)
with open(p, 'w', newline='') as f:
    csv.writer(f).writerow(['multi\r\nline', 'b'])
with open(p, newline='') as f:
    print(list(csv.reader(f)))
import shutil; shutil.rmtree(d)
