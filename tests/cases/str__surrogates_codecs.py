# Lone surrogates through the codecs: encode and decode with every error handler, UTF-8/16/32,
# ASCII and latin-1, error messages and positions, and print to stdout.
import sys
for h in ['strict', 'surrogatepass', 'surrogateescape', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    for enc in ['utf-8', 'utf-16-le', 'utf-32-be', 'ascii', 'latin-1', 'utf-16']:
        try:
            print(h, enc, 'x\udc80\ud800y'.encode(enc, h))
        except UnicodeEncodeError as e:
            print(h, enc, 'error:', e, e.start, e.end)
print('\udcff\udc80'.encode('ascii', 'surrogateescape'), '\udcc3\udca9'.encode('utf-8', 'surrogateescape'))
for b in [b'a\xff\xed\xa0\x80z', b'\xed\xb2\x80', b'a\xed\xa0', b'\xc3']:
    for h in ['strict', 'surrogatepass', 'surrogateescape', 'ignore', 'replace', 'backslashreplace']:
        try:
            print(h, ascii(b.decode('utf-8', h)))
        except UnicodeDecodeError as e:
            print(h, 'error:', e)
print(ascii(b'\x00\xd8'.decode('utf-16-le', 'surrogatepass')), ascii(b'\x00\xd8\x00\xdc'.decode('utf-16-le', 'surrogatepass')), ascii(b'\x00\xdc\x00\xd8'.decode('utf-16-le', 'surrogatepass')))
print(ascii(b'\x00\xd8\x00\x00'.decode('utf-32-le', 'surrogatepass')), ascii(b'\xd8\x00'.decode('utf-16-be', 'surrogatepass')))
for b, enc in [(b'\x00\xd8', 'utf-16-le'), (b'\x00\xdc\x00\x00', 'utf-32-le'), (b'\xff\xfe', 'utf-16-le')]:
    try:
        print(ascii(b.decode(enc, 'surrogateescape')))
    except UnicodeDecodeError as e:
        print('error:', e)
print(ascii(b'\xffabc\xfe'.decode('ascii', 'surrogateescape')), ascii('\udcff'.encode('latin-1', 'surrogateescape')), ascii(str(b'\xff', 'utf-8', 'surrogateescape')))
import os
print(ascii(os.fsdecode(b'caf\xe9')), os.fsencode('caf\udce9'), os.fsencode(os.fsdecode(b'\xff\xfe')))
print(sys.stdout.errors)
print('a', '\udcff\udc80', 'b')
print('x', 'y', sep='\udcc3\udca9')
try:
    print('ok', '\ud800', 'z')
except UnicodeEncodeError as e:
    print('print:', e, e.start, e.end)
