# Lone surrogates in str: creation, len/slice/concat, repr/ascii, ord, comparisons, sorting,
# hashing, methods and formatting.
s = '\ud800'
t = chr(0xdc80)
u = 'a\udfffb'
print(len(s), len(u), ascii(s), repr(t), ascii(u), ord(s), ord(t), [hex(ord(c)) for c in u])
print(ascii(u[1:]), ascii(u[::-1]), (s + t) == '\ud800\udc80', len(s + t), ascii(s * 3), ascii(u[1]))
print(ascii('\ud83d\ude00'), len('\ud83d\ude00'), '\ud83d\ude00' == '\U0001f600', ascii(chr(0xd83d) + chr(0xde00)))
print(ascii(sorted(['\ue000', '\ud800', '\ud7ff', '\U00010000', 'a', '\udfff', '\U0010ffff'])))
print('\ud800' < '\ue000', '\ud800' > '\ud7ff', '\udc00' < '\U00010000', 'x\ud800' < 'x\uffff', 'x\ud800y' < 'x\ud800z')
print(max(['\ud800', '\uffff']) == '\uffff', min(['\U00010000', '\udc00']) == '\udc00', ascii(sorted('b\ud800\U00010000a')))
print(hash('\ud800') == hash(chr(0xd800)), {'\ud800': 1}['\ud800'], len({s, t, chr(0xd800)}), '\udc80' in {'\udc80'})
print('\ud800'.isprintable(), '\ud800'.isidentifier(), '\ud800'.isalpha(), '\ud800'.isspace(), ascii('A\udc80'.lower()), ascii('a\udc80'.upper()))
print(ascii('a\ud800b'.split('\ud800')), 'a\ud800b'.find('\ud800'), ascii('\ud800'.join(['x', 'y'])), ascii('a\ud800b'.replace('\ud800', '-')))
print(ascii('%s|%c|%r|%a' % ('\ud800', 0xdc00, '\udfff', '\udfff')), ascii(f'{s}{t!r}{0xd800:c}'), ascii('{:>3}|{!a}'.format(s, t)))
print(ascii([c for c in 'x\udc80y']), ascii(list(map(ord, 'x\udc80\U0010ffffy'))), ascii(str(['\ud800'])))
print(ascii('\ud800' 'b' "\udc01"), ascii("""\udfff
x"""), ascii(r'\ud800'), ascii(f'\udc00{1}\ud801'), ascii(rf'\udc00{1}'))
print(ascii('\N{REPLACEMENT CHARACTER}\ufffd\ud800\uFFFD\U0000dbff'), ascii(b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass')))
print(ascii('abc\udc80'.translate({0xdc80: 'X', ord('a'): 0xd801})), ascii(str.maketrans('\ud800', 'x')))
import json, re
print(ascii(json.loads('"\\ud800x\\udc00\\ud83d\\ude00"')), json.dumps('\udc80'), json.dumps('\udc80', ensure_ascii=False) == '"\udc80"')
print(ascii(re.findall('[\ud800-\udfff]+', 'ab\ud800\udfffc\U0010ffff')), ascii(re.sub('\udc80', 'X', 'a\udc80b')), re.match('.', '\ud800').end())
print(hash('\ud800x'), hash('a\udfff'), hash('\udc80\U00010000'), hash('\xe9\udcff'))
print(ascii(list({'\ud800', '\udc80', 'a\udfff', '\ue000', 'b'})))
