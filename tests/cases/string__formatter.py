import _string
print(list(_string.formatter_parser('a{0}b{x.y[1]!r:>{w}}c{{d}}e')))
print(list(_string.formatter_parser('')), list(_string.formatter_parser('plain')))
first, rest = _string.formatter_field_name_split('obj.attr[0][key]')
print(first, list(rest))
first, rest = _string.formatter_field_name_split('3.x')
print(first, list(rest))
for bad in ['a}b', 'x{', '{0!}', '{:{:{}}}']:
    try:
        print(list(_string.formatter_parser(bad)))
    except ValueError as e:
        print('ValueError', e)
try:
    _string.formatter_parser(1)
except TypeError as e:
    print(e)
