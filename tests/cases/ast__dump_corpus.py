# ast.parse + ast.dump over a corpus of constructs, with and without attributes.
import ast

SOURCES = [
    "x = 1\ny: int = 2\nz += 3\ndel a, b[0], c.d\n",
    "a, *b = c\n[x, y] = z\nx = y = 0\n",
    "def f(a, /, b, c=1, *args, d, e=2, **kw) -> int:\n    '''doc'''\n    return a\n",
    "async def g():\n    await x\n    async for i in y:\n        pass\n    async with a as b, c:\n        yield\n",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    x: int\n    def m(self): ...\n",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
    "while x:\n    break\nelse:\n    continue\n",
    "for i, j in k:\n    pass\nelse:\n    pass\n",
    "try:\n    pass\nexcept E as e:\n    raise X from e\nexcept (A, B):\n    raise\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nexcept* E:\n    pass\n",
    "with open(f) as g, h:\n    pass\n",
    "import a.b as c, d\nfrom . import x\nfrom ..m import (y as z, w)\nfrom m import *\n",
    "global g\nnonlocal_ = 1\nassert x, 'msg'\n",
    "def f():\n    nonlocal x\n",
    "lambda x, *y, z=1, **k: (x, y)\n",
    "a if b else c\nnot a and b or c\n-x + ~y ** 2 // 3 % 4 @ m\n",
    "a < b <= c != d is not e in f not in g\n",
    "[x for x in y if x if z]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x async for x in y)\n",
    "f(a, *b, c=d, **e)\nf(x for x in y)\n",
    "x[1:2, ::3, ...]\nx[a:b:c]\nx[()]\n",
    "f'{x!r:>{w}} and {y=} {z!s}' 'tail'\n",
    "b'bytes' + u'text' + r'raw\\n'\n'''multi\nline'''\n",
    "0x10 + 1_000 + 1.5e3 + 2j + 10**100\n",
    "(x := 5)\n{**a, 'b': 1}\n{1, 2}\n()\n(1,)\n[]\n",
    "match p:\n    case 1 | 2:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) if yy > 0:\n        pass\n    case str() as s:\n        pass\n    case None:\n        pass\n    case -1 + 2j:\n        pass\n    case _:\n        pass\n",
    "x = 'héllo'  # comment\ny = '日本'; z = 1\n",
    "def f[T](x): pass\n" if False else "yield_ = None\n",
    "class A:\n    def __init__(self):\n        super().__init__()\n        self.x: int = 0\n",
    "print(*a, sep='')\n",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))
    print(ast.dump(tree))

print(ast.dump(ast.parse("a + b", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode="single"), include_attributes=True))
print(ast.dump(ast.parse(SOURCES[2]), indent=2))
print(ast.dump(ast.parse(SOURCES[24]), indent='  ', include_attributes=True))
t = compile("x + 1", "<s>", "eval", ast.PyCF_ONLY_AST)
print(type(t).__name__, ast.dump(t))
try:
    ast.parse("x = (1,")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
# Shared singletons for contexts and operators, as in CPython.
t = ast.parse("a + b; c + d")
print(t.body[0].value.left.ctx is t.body[1].value.right.ctx, t.body[0].value.op is t.body[1].value.op)
print(ast.get_docstring(ast.parse(SOURCES[2]).body[0]))
n = ast.parse("if x:\n    y = 1\n").body[0]
print(ast.get_source_segment("if x:\n    y = 1\n", n.body[0]))
