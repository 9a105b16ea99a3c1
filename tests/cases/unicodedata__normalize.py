# unicodedata.normalize / is_normalized in the four forms, and the 3.2.0 view.
import unicodedata as ud

samples = ['e\u0301\u0327', '\u1e9b\u0323', '\uac00\u11a8', '\u1100\u1161\u11a8', '\ufb01', '\u2168',
           '\u0344', '\U0002F868', 'Åström', '\u00c5\u212b\u0041\u030a', 'ﾊﾟ', '\u0958', '\u0374',
           'a\u0328\u0301\u0323', '\U0001d15e\U0001d165', '\u0f73\u0f75', 'plain ascii', '']
for s in samples:
    for f in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        r = ud.normalize(f, s)
        print(f, ascii(s), ascii(r), ud.is_normalized(f, s), ud.is_normalized(f, r),
              ascii(ud.ucd_3_2_0.normalize(f, s)))
s = 'abc'
print(ud.normalize('NFC', s) is s)
for bad in [('NFX', 'a'), (1, 'a'), ('NFC', 1)]:
    try:
        ud.normalize(*bad)
    except Exception as e:
        print(type(e).__name__, e)
