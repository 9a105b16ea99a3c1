# Lone surrogates through marshal: the bytes written (FLAG_REF bit masked: it follows CPython's
# reference counts) and round trips, also inside containers and code objects.
import marshal

def show(v):
    b = marshal.dumps(v)
    print(bytes([b[0] & 0x7f]) + b[1:], ascii(marshal.loads(b)), marshal.loads(b) == v)

show('\ud800')
show('a\udc80b\U0010ffff\udfff')
show('\ud83d\ude00')
print(ascii(marshal.loads(marshal.dumps(('x', '\udcff', ['\ud800'], {'\udc80': '\udc80'})))))
print(ascii(marshal.loads(b'u\x03\x00\x00\x00\xed\xb2\x80')), ascii(marshal.loads(b'u\x06\x00\x00\x00\xed\xa0\xbd\xed\xb8\x80')))
try:
    marshal.loads(b'u\x02\x00\x00\x00\xed\xa0')
except ValueError as e:
    print('ValueError')
code = compile("x = '\\ud800'\ndef f():\n    '\\udfff doc'\n    return ('\\udc80', 1)\n", 'm', 'exec')
print(ascii(code.co_consts[0]), ascii(code.co_consts[1].co_consts))
ns = {}
exec(marshal.loads(marshal.dumps(code)), ns)
print(ascii(ns['x']), ascii(ns['f']()), ascii(ns['f'].__doc__))
