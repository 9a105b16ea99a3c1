import json, json.decoder, json.scanner, json.encoder, collections, decimal, enum
print(json.dumps({'a': [1, 2.5, None, True, 'x\u00e9"\n\x01\u2028\U0001f600'], 'b': {'c': 1, 2: 3, 1.5: 4, None: 5, True: 6}}))
print(json.dumps(['é', '\U0001f600', '\x7f'], ensure_ascii=False), json.dumps('\x7f\x1f'))
print(json.dumps({'b': 1, 'a': [1, {'z': 1, 'y': 2}]}, sort_keys=True, separators=(',', ':')))
print(json.dumps([float('inf'), float('-inf'), float('nan'), 1e100, 0.1, -0.0, 10**30, -5]))
class IE(enum.IntEnum):
    A = 7
class FE(float):
    def __repr__(self): return 'FE!'
print(json.dumps([IE.A, FE(2.5), (1, 2), collections.OrderedDict([('q', 1), ('p', 2)])]))
print(json.dumps({'x': decimal.Decimal('1.5')}, default=str), json.dumps({1: 'a', 'skip': 1, (1, 2): 3}, skipkeys=True))
print(json.dumps([[]] * 2, indent=2), json.dumps({}, indent=1))
for bad in [lambda: json.dumps(float('nan'), allow_nan=False), lambda: json.dumps({(1,): 1}), lambda: json.dumps(object()),
            lambda: json.dumps({1: 'a', 'b': 2}, sort_keys=True)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
d = {}; d['d'] = d
try:
    json.dumps(d)
except ValueError as e:
    print(e)
print(json.loads('{"a": [1, 2.5, null, true, false, "x\\u00e9\\n\\"", -0, 1E3, 2e-2, 123456789012345678901234567890], "b": {}, "c": []}'))
print(json.loads('"\\ud83d\\ude00 \\u00e9 \\/"'), json.loads(' [ 1 , 2 ] '), json.loads('NaN'), json.loads('[Infinity, -Infinity]'))
print(json.loads('{"a": 1, "a": 2, "b": 3}'), json.loads('{"x": 1.5}', parse_float=decimal.Decimal), json.loads('[1, 2]', parse_int=float))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)), json.loads('[NaN]', parse_constant=str))
print(json.loads('"a\tb"', strict=False), json.decoder.JSONDecoder().raw_decode('[1] tail'))
for doc in ['', '[', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a" 1}', '{"a":1,}', '{"a":1 "b":2}', '{1:2}', '"abc', '"a\\x"', '"\\u12"', '"\\u12zz"',
            '"a\x01"', 'nul', '-', '01', '1.', '1e', '[1] x', 'tru', '-Inf', '{"a":1', '[1', '"\\', ' ', '[,]', '{,}', '1.5e+', '[-]']:
    try:
        print(repr(doc), json.loads(doc))
    except json.JSONDecodeError as e:
        print(repr(doc), e.msg, e.pos, e.lineno, e.colno)
print(json.decoder.scanstring('"abc\\n" rest', 1), json.encoder.encode_basestring_ascii('é"'), json.encoder.encode_basestring('é\n'))
try:
    json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e:
    print('RecursionError')
print(json.dumps(json.loads('[' * 50 + ']' * 50)) == '[' * 50 + ']' * 50)
