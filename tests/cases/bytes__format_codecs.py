# bytes % formatting, decode/encode with error handlers, str(bytes, encoding).
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(b'%d %i %u' % (1, -2, 3), b'%5.2f|%-4d|%x|%X|%o|%#x' % (3.14159, 7, 255, 255, 8, 255))
print(b'%s %b %r %a' % (b'bytes', bytearray(b'ba'), 'é', b'x'), b'%c%c' % (65, b'z'), b'%%' % (), b'%5s|%-5s|%.2s' % (b'ab', b'cd', b'xyz'))
print(b'%(k)s=%(v)d' % {b'k': b'key', b'v': 5}, bytearray(b'%s!') % b'x', b'%e %g %G' % (1234.5, 0.00001, 1e20))
print(b'%*d|%-*d|%.*f' % (4, 1, 4, 2, 1, 2.25), b'%d' % 2.7, b'%i' % True, b'%s' % memoryview(b'mv'))

class HasBytes:
    def __bytes__(self):
        return b'dunder'

print(b'%s' % HasBytes(), b'%s' % (HasBytes(),))
for f in [lambda: b'%d' % 'a', lambda: b'%x' % 1.5, lambda: b'%f' % 'a', lambda: b'%s' % 'str',
          lambda: b'%c' % 256, lambda: b'%c' % b'ab', lambda: b'%c' % 'a', lambda: b'%y' % 1,
          lambda: b'%s %s' % (b'a',), lambda: b'%s' % (b'a', b'b'), lambda: b'%(a)s' % {'a': b'x'},
          lambda: b'%(a)s' % 5, lambda: b'%' % (), lambda: b'%*d' % ('a', 1)]:
    show(f)
print(b'h\xc3\xa9llo'.decode(), b'h\xe9llo'.decode('latin-1'), b'abc'.decode('ascii'), bytearray(b'\xc3\xa9').decode('utf-8'))
for enc, data in [('utf-8', b'\xff'), ('utf-8', b'a\xe2\x82'), ('utf-8', b'\xe2\x28a'), ('utf-8', b'\xf0\x90\x80\x28'),
                  ('utf-8', b'\xed\xa0\x80'), ('ascii', b'ab\x80c'), ('utf-16', b'abc'), ('utf-16-le', b'\x00\xdc'),
                  ('utf-16-le', b'\x00\xd8'), ('utf-16-le', b'a\x00\x00\xd8b\x00'), ('utf-32-le', b'\x00\x00\x11\x00'),
                  ('utf-32', b'abcde')]:
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace']:
        try:
            print(enc, errors, repr(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, 'UnicodeDecodeError', e, e.start, e.end, e.encoding)
print(b'\xff\xfea\x00'.decode('utf-16'), b'\xfe\xff\x00a'.decode('utf-16'), repr(b'\xff\xfea\x00'.decode('utf-16-le')),
      b'\xff\xfe\x00\x00a\x00\x00\x00'.decode('utf-32'), b'\x00\x00\x00a'.decode('utf-32-be'))
text = 'aé€😀'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'UTF8', 'Latin_1']:
    try:
        data = text.encode(enc)
        print(enc, data, data.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError', e)
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    for enc in ['ascii', 'latin-1']:
        try:
            print(enc, errors, text.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, 'UnicodeEncodeError', e, e.start, e.end)
for f in [lambda: b'\xff'.decode('utf-8', 'bogus'), lambda: 'é'.encode('ascii', 'bogus'), lambda: b'x'.decode('nope'),
          lambda: 'x'.encode('nope'), lambda: b'x'.decode(5), lambda: 'x'.encode(errors=5), lambda: b'ok'.decode('utf-8', 'bogus'),
          lambda: str(b'abc', 'ascii'), lambda: str(b'\xe9', 'latin-1'), lambda: str(b'\xff', 'utf-8', 'replace'),
          lambda: str(bytearray(b'ba'), 'utf-8'), lambda: str(memoryview(b'mv'), 'ascii'), lambda: str('s', 'utf-8'),
          lambda: str(5, 'utf-8'), lambda: str(b'\xff', 'utf-8'), lambda: str(b'x', errors='strict')]:
    show(f)
