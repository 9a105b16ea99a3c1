# open(encoding='utf-8-sig'): the BOM is written once at the start and skipped on reading.
import os, tempfile, csv
d = tempfile.mkdtemp(); p = os.path.join(d, 'u.csv')
with open(p, 'w', encoding='utf-8-sig', newline='') as f:
    print(f.encoding)
    f.write('')
    csv.writer(f).writerows([['h1', 'h2'], ['é', '2']])
with open(p, 'a', encoding='utf-8-sig', newline='') as f:
    f.write('x,y\r\n')
print(open(p, 'rb').read())
with open(p, encoding='utf-8-sig', newline='') as f:
    print(list(csv.DictReader(f)))
print(repr(open(p, encoding='utf-8').read()[:3]))
import shutil; shutil.rmtree(d)
