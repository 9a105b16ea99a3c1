# File names that are not UTF-8: listdir/scandir decode them with surrogateescape, str paths
# holding such surrogates encode back to the same bytes (open, stat), others fail.
import os, tempfile
d = tempfile.mkdtemp()
open(os.path.join(os.fsencode(d), b'caf\xe9'), 'w').close()
names = os.listdir(d)
print(ascii(names), os.listdir(os.fsencode(d)))
p = os.path.join(d, names[0])
print(os.path.exists(p), ascii([e.name for e in os.scandir(d)]))
try:
    os.stat(os.path.join(d, '\ud800'))
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
os.remove(p)
os.rmdir(d)
