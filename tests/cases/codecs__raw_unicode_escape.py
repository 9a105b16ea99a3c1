# The raw-unicode-escape codec (pickle protocol 0 uses it for str).
import codecs, pickle
for s in ['abc', 'é\u1234\U0001f600\\', 'a\\u1234']:
    e = codecs.raw_unicode_escape_encode(s)
    print(e, codecs.raw_unicode_escape_decode(e[0]), s.encode('raw-unicode-escape'))
print(codecs.raw_unicode_escape_decode(b'\\\\u1234 \\x \\u00e9'))
try:
    codecs.raw_unicode_escape_decode(b'ab\\u12')
except UnicodeDecodeError as e:
    print(e)
print(pickle.loads(pickle.dumps(['x\u20ac', {'k': 'v'}], 0)))
print(pickle.dumps(len, 2), pickle.loads(pickle.dumps(len)))
