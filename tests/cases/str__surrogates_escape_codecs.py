# The unicode_escape and raw_unicode_escape codecs (decode errors and handlers, incremental
# decoding, encoding), lone surrogates through them and pickle protocol 0, and exec of a
# str source holding a lone surrogate (UTF-8 encoding fails as in CPython).
import codecs
for b in [b'a\\x41\\101\\u00e9\\U0001f600\\n\\\\\\\n', b'\\ud800\\udc80x', b'\\x4', b'\\x4g', b'\\u12', b'\\U00110000', b'x\\']:
    for h in ['strict', 'replace', 'ignore', 'backslashreplace']:
        try:
            print(h, ascii(codecs.unicode_escape_decode(b, h)))
        except UnicodeDecodeError as e:
            print(h, 'error:', e)
print(ascii(codecs.raw_unicode_escape_decode(b'\\u00e9\\\\u00e9\\x41\\ud800\\\\\\udc80')), ascii(codecs.unicode_escape_decode(b'ab\\x4', None, False)))
print(codecs.unicode_escape_encode('a\\\'"\t\x00\x7f\xe9\u20ac\U0001f600\ud800'), codecs.raw_unicode_escape_encode('a\\\xe9\u20ac\U0001f600\ud800\n'))
print(ascii(b'\\ud800\\t'.decode('unicode_escape')), '\udc80\n'.encode('unicode_escape'), ascii(b'\\udc80'.decode('raw_unicode_escape')), '\udc80\xff'.encode('raw-unicode-escape'))
import pickle
print(ascii(pickle.loads(pickle.dumps('\ud800\xe9\\u', 0))), pickle.dumps('\ud800x', 0))
for src in ["x = '\\ud800'", "x = '\ud800'", "x = '\\udc80' 'a'"]:
    try:
        exec(src)
        print(ascii(x))
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError:', e)
