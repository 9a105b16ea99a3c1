print(b'\x80\x81abc\xff'.decode('cp437'), 'Çü'.encode('cp437'), b'\x80\x9f'.decode('cp1252', 'replace'))
try:
    b'\x81'.decode('cp1252')
except UnicodeDecodeError as e:
    print(e)
try:
    '€\u4e00'.encode('cp437')
except UnicodeEncodeError as e:
    print(e)
print('a\u4e00b'.encode('cp437', 'replace'), 'a\u4e00b'.encode('cp437', 'ignore'), str(b'\xe9', 'cp850'), 'é'.encode('iso8859_15'))
import codecs
print(codecs.decode(b'\x8e', 'mac_roman'), codecs.encode('abc', 'rot13'), codecs.lookup('CP437').name)
try:
    b'x'.decode('nonexistent')
except LookupError as e:
    print(e)
try:
    b'x'.decode('rot13')
except Exception as e:
    print(type(e).__name__, e)
