# TextIOWrapper over the BOM codecs: one BOM per stream when writing, the BOM's byte order for every chunk when reading.
import io
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-16')
t.write('ab'); t.write('cd\n'); t.flush()
print(b.getvalue())
for enc in ('utf-16', 'utf-16-be', 'utf-32', 'utf-8'):
    data = ('x' * 10000 + 'é\n').encode(enc if enc != 'utf-16' else 'utf-16-be')
    if enc == 'utf-16': data = b'\xfe\xff' + data
    t = io.TextIOWrapper(io.BytesIO(data), encoding=enc)
    s = t.read(); print(enc, len(s), s[-3:])
