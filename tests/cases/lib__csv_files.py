import csv, os, tempfile
d = tempfile.mkdtemp(); p = os.path.join(d, 'x.csv')
with open(p, 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['name', 'note'])
    w.writerows([['a', 'multi\nline'], ['b', 'q"uote'], ['c', 'é']])
with open(p, newline='') as f:
    print(list(csv.reader(f)))
with open(p, newline='') as f:
    for row in csv.DictReader(f):
        print(row)
with open(p, 'rb') as f:
    print(f.read())
with open(p) as f:
    r = csv.reader(f)
    print(next(r), r.line_num, r.dialect.delimiter)
import shutil; shutil.rmtree(d)
