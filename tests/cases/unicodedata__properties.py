# unicodedata: properties, names, lookups (aliases, named sequences) and the 3.2.0 view.
import unicodedata as ud

def show(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

print(ud.unidata_version, ud.ucd_3_2_0.unidata_version, type(ud.ucd_3_2_0).__name__)
for c in 'aZ5\u0660\u00bd\u2167\u0301 \n\u4e00\uac00\u20ac\U0001f600\u00e9\uff21\u0e50\U00017000\U0002a6d6\u1dfa\u0378(':
    print(ascii(c), ud.category(c), ud.bidirectional(c), ud.combining(c), ud.east_asian_width(c),
          ud.mirrored(c), ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None),
          repr(ud.decomposition(c)), ud.name(c, None))
    print('   3.2.0:', ud.ucd_3_2_0.category(c), ud.ucd_3_2_0.bidirectional(c), ud.ucd_3_2_0.name(c, None),
          ud.ucd_3_2_0.east_asian_width(c), repr(ud.ucd_3_2_0.decomposition(c)))
for n in ['LATIN SMALL LETTER A', 'latin small letter a', 'LATIN CAPITAL LETTER GHA', 'BYTE ORDER MARK',
          'LATIN SMALL LETTER R WITH TILDE', 'KEYCAP NUMBER SIGN', 'nope', 'CJK UNIFIED IDEOGRAPH-4E00',
          'HANGUL SYLLABLE GAG', 'SNOWMAN', 'x' * 300]:
    show(ud.lookup, n)
    show(ud.ucd_3_2_0.lookup, n)
show(ud.name, '\u0378')
show(ud.decimal, 'a')
show(ud.digit, 'a')
show(ud.numeric, 'a')
show(ud.category, 'ab')
show(ud.category, 1)
show(ud.name, '')
show(ud.lookup, 1)
print(ud.lookup(b'SNOWMAN'), '\N{SNOWMAN}' == ud.lookup('SNOWMAN'))
# Every name maps back to its character over a range of planes.
bad = [cp for cp in list(range(0, 0x3400)) + list(range(0xa000, 0xd800)) + list(range(0x1f000, 0x1fb00))
       if (n := ud.name(chr(cp), None)) is not None and ud.lookup(n) != chr(cp)]
print('inverse lookup mismatches:', bad)
