# ast.literal_eval: every literal kind, containers, signed and complex numbers, errors.
import ast, re

def clean(e):
    return re.sub(r' at 0x[0-9a-f]+', '', str(e))

GOOD = [
    "1", "-1", "+2", "1.5", "-2.5e10", "3j", "1+2j", "-1-2j", "'s'", "b'b'", "u'u'",
    "True", "False", "None", "...", "[1, [2, (3,)]]", "(1, 2)", "()", "{1, 2}", "{'a': 1, 'b': [2]}",
    "{}", "set()", "  42", "\t(1,\n 2)", "10**0" if False else "0x1f", "1_000", "'a' 'b'",
]
for s in GOOD:
    print(repr(s), '->', repr(ast.literal_eval(s)))

BAD = ["x", "1 + x", "f()", "[1, x]", "{**d}", "2 ** 3", "a.b", "lambda: 1", "1 +", "'a' + 1",
       "-'s'", "{1: 2, x: 3}", "set([1])", "(1)(2)", "[i for i in x]", "1 if 2 else 3"]
for s in BAD:
    try:
        print(repr(s), '->', repr(ast.literal_eval(s)))
    except (ValueError, SyntaxError, TypeError) as e:
        print(repr(s), '!', type(e).__name__, clean(e))

print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(value=7)))
try:
    ast.literal_eval(ast.Name(id='x', ctx=ast.Load()))
except ValueError as e:
    print(clean(e))
