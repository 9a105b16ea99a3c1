import json, datetime, calendar, copy, textwrap, string, operator, contextlib, statistics, fractions, decimal
print(json.dumps({'a': [1, 2.5, None, True, 'x\u00e9"'], 'b': {'c': 1}}, sort_keys=True, indent=2))
print(json.loads('{"a": [1, 2.5, null, true, "x\\u00e9"], "n": -1e5, "s": "\\ud83d\\ude00"}'))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps('é', ensure_ascii=False), json.dumps(float('inf')))
try:
    json.loads('{"a": }')
except json.JSONDecodeError as e:
    print(e)
d = datetime.datetime(2024, 2, 29, 13, 45, 10, 123456)
print(d, d.isoformat(), d.strftime('%Y-%m-%d %H:%M:%S %A %B %j'), d + datetime.timedelta(days=1, hours=12), d.weekday(), d.timestamp() > 0)
print(tuple(datetime.date(2020, 1, 1).isocalendar()), datetime.datetime.fromisoformat('2021-05-06T07:08:09+02:00'), datetime.timezone.utc)
print(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=5))).astimezone(datetime.timezone.utc))
print(calendar.month(2024, 2), calendar.isleap(2024), calendar.monthrange(2023, 2), calendar.weekday(2024, 1, 1))
print(copy.deepcopy({'a': [1, {2: 3}]}), copy.copy([1, 2]))
print(textwrap.fill('The quick brown fox jumps over the lazy dog ' * 3, 30), textwrap.dedent('  a\n  b'), textwrap.shorten('hello world foo bar', 12))
print(string.Template('$a and ${b}').substitute(a=1, b=2), string.capwords('hello there'), string.Formatter().format('{0}-{x}', 1, x=2))
print(operator.itemgetter(1, 0)('ab'), operator.attrgetter('real')(3), operator.methodcaller('upper')('x'), operator.add(1, 2))
@contextlib.contextmanager
def cm():
    print('enter'); yield 5; print('exit')
with cm() as v:
    print(v)
with contextlib.suppress(KeyError):
    {}['x']
with contextlib.ExitStack() as st:
    st.callback(print, 'cb')
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1, 2, 3, 4]), statistics.mode([1, 1, 2]), statistics.fmean([1.5, 2.5]), statistics.variance([1, 2, 3, 4]))
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4), statistics.correlation([1, 2, 3], [2, 4, 7]))
print(fractions.Fraction(1, 3) ** 2, fractions.Fraction(3.75).limit_denominator(10))
print(decimal.Decimal('1.1') * 3, decimal.Decimal(10).ln(), decimal.Decimal('2').sqrt(), round(decimal.Decimal('2.675'), 2))
