# ast.unparse and parse(unparse(tree)) round trips over many constructs.
import ast

SOURCES = [
    "x = 1", "a, *b = c", "x: int = 5", "x += 1", "del x[0], y.z",
    "def f(a, /, b=2, *c, d, e=3, **g) -> 'r':\n    return a",
    "async def f():\n    async with a as b:\n        await c\n    async for x in y:\n        yield x",
    "@d\nclass C(B, metaclass=M):\n    '''doc'''\n    pass",
    "if a:\n    b\nelif c:\n    d\nelse:\n    e",
    "try:\n    a\nexcept E as e:\n    raise X from e\nelse:\n    b\nfinally:\n    c",
    "while x:\n    break\nelse:\n    continue",
    "with a, b as (c, d):\n    pass",
    "import a.b as c\nfrom ..m import x as y, z",
    "lambda x, *, y=1: x + y",
    "f(*a, b=1, **c)", "x[1:2:3, ...]", "a if b else c", "not a or b and c",
    "(-x) ** 2", "-x ** 2", "a < b < c", "[x for x in y if x]", "{k: v for k, v in i}",
    "(x async for x in y)", "f'{x!r:>10} {y=}'", "b'\\x00' + 'é'", "(x := 1)", "{**a, 'b': 1}",
    "match x:\n    case [1, *r] | {'k': _, **kw} if r:\n        pass\n    case P(a, b=c) as d:\n        pass",
    "global a, b", "assert x, 'm'", "print(1, 2, sep='')", "x = (yield)", "1e400", "(1,)", "()",
]
for src in SOURCES:
    tree = ast.parse(src)
    out = ast.unparse(tree)
    again = ast.unparse(ast.parse(out))
    print(out)
    print('  round trip:', out == again, ast.dump(ast.parse(out)) == ast.dump(tree))
