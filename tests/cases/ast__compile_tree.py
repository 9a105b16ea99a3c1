# compile() of AST objects: parsed, transformed, hand-built; validation errors.
import ast, re

src = """
def add(a, b=2):
    return a + b
total = 0
for i in range(5):
    total += add(i)
print('total', total, [x * 2 for x in range(3)])
"""
tree = ast.parse(src)
exec(compile(tree, "<tree>", "exec"))

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 10), node)
        return node

class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'total':
            return ast.Name('grand', node.ctx)
        return node

t2 = ast.fix_missing_locations(Renamer().visit(Doubler().visit(ast.parse(src.replace("'total', total", "'grand', grand")))))
ns = {}
exec(compile(t2, "<t2>", "exec"), ns)
print(sorted(k for k in ns if not k.startswith('__')))

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.counts = {}
    def generic_visit(self, node):
        n = type(node).__name__
        self.counts[n] = self.counts.get(n, 0) + 1
        super().generic_visit(node)
c = Counter()
c.visit(tree)
print(sorted(c.counts.items()))

# Hand-built trees.
m = ast.Module(body=[
    ast.Assign(targets=[ast.Name('x', ast.Store())], value=ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))),
    ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('x ='), ast.Name('x', ast.Load())], [])),
], type_ignores=[])
ast.fix_missing_locations(m)
exec(compile(m, "<hand>", "exec"))
e = ast.Expression(ast.BinOp(ast.Constant(2), ast.Pow(), ast.Constant(10), lineno=1, col_offset=0))
ast.fix_missing_locations(e)
print(eval(compile(e, "<e>", "eval")))
i = ast.Interactive([ast.Expr(ast.Constant(5, lineno=1, col_offset=0), lineno=1, col_offset=0)])
exec(compile(i, "<i>", "single"))
print(compile(tree, "<x>", "exec", ast.PyCF_ONLY_AST) is tree)
f = ast.parse("def g(x):\n    return x * 3\n")
code = compile(f, "g.py", "exec")
ns = {}
exec(code, ns)
print(ns['g'](4), ns['g'].__code__.co_filename, ns['g'].__code__.co_firstlineno)

def err(f):
    try:
        f()
        print("no error")
    except Exception as ex:
        print(type(ex).__name__, re.sub(r' at 0x[0-9a-f]+', '', str(ex)))

L = dict(lineno=1, col_offset=0)
err(lambda: compile(ast.Module([ast.Expr(ast.Load())], []), 'f', 'exec'))
err(lambda: compile(ast.Module([ast.Expr(ast.Load(), **L)], []), 'f', 'exec'))
err(lambda: compile(ast.Module([ast.Expr(None, **L)], []), 'f', 'exec'))
err(lambda: compile(ast.Module([ast.Expr(**L)], []), 'f', 'exec'))
err(lambda: compile(ast.Module([ast.Expr(ast.Name('x', ast.Store(), **L), **L)], []), 'f', 'exec'))
err(lambda: compile(ast.Module(ast.Pass(), []), 'f', 'exec'))
err(lambda: compile(ast.Module([], []), 'f', 'eval'))
err(lambda: compile(ast.Expression(ast.Constant([1], **L)), 'f', 'eval'))
err(lambda: compile(ast.Expression(ast.Name(1, ast.Load(), **L)), 'f', 'eval'))
err(lambda: compile(ast.Expression(ast.Name('None', ast.Load(), **L)), 'f', 'eval'))
err(lambda: compile(ast.Expression(ast.Name('x', ast.Load(), lineno='a', col_offset=0)), 'f', 'eval'))
err(lambda: compile(ast.Expression(ast.Name('x', 3, **L)), 'f', 'eval'))
err(lambda: compile(ast.Module([ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, []), [], [], **L)], []), 'f', 'exec'))
err(lambda: compile(5, 'f', 'exec'))
err(lambda: compile(ast.Load(), 'f', 'exec'))
err(lambda: compile(ast.Module([None], []), 'f', 'exec'))
err(lambda: compile(ast.Expression(ast.BoolOp(ast.And(), [ast.Constant(1, **L)], **L)), 'f', 'eval'))
err(lambda: compile(ast.Expression(ast.Dict([None], [], **L)), 'f', 'eval'))
err(lambda: compile(ast.Expression(ast.Compare(ast.Constant(1, **L), [ast.Lt()], [], **L)), 'f', 'eval'))
err(lambda: compile(ast.Module([ast.Delete([], **L)], []), 'f', 'exec'))
err(lambda: compile(ast.Module([ast.Try([ast.Pass(**L)], [], [], [], **L)], []), 'f', 'exec'))
err(lambda: compile(ast.Module([ast.Raise(None, ast.Constant(1, **L), **L)], []), 'f', 'exec'))
err(lambda: compile(ast.Module([ast.ImportFrom('m', [ast.alias('x', **L)], -1, **L)], []), 'f', 'exec'))
err(lambda: compile(ast.Module([ast.AnnAssign(ast.Attribute(ast.Name('a', ast.Load(), **L), 'b', ast.Store(), **L), ast.Name('int', ast.Load(), **L), None, 1, **L)], []), 'f', 'exec'))
err(lambda: compile(ast.Expression(ast.Constant((1, [2]), **L)), 'f', 'eval'))
err(lambda: compile(ast.Expression(ast.BinOp(ast.Constant(1, **L), ast.Load(), ast.Constant(2, **L), **L)), 'f', 'eval'))
err(lambda: compile(ast.Expression(ast.Constant(1, kind=5, **L)), 'f', 'eval'))
err(lambda: compile(ast.Module([ast.Return(ast.Constant(1, **L), **L)], []), 'f', 'exec'))
print(eval(compile(ast.Expression(ast.Constant((1, frozenset({2}), b'x', 1.5, 2j, None, ..., 10**30), **L)), 'f', 'eval')))

# Future imports, optimize, compiler SyntaxErrors and tracebacks for code compiled from trees.
ns = {}
exec(compile(ast.parse("from __future__ import annotations\ndef f(x: int) -> str: pass\n"), 'f', 'exec'), ns)
print(ns['f'].__annotations__)
ns = {}
exec(compile(ast.parse("def g():\n    '''doc'''\n    assert False\n"), 'f', 'exec', optimize=2), ns)
print(ns['g'].__doc__, ns['g']())
try:
    compile(ast.parse("return 1"), 'f.py', 'exec')
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    compile(ast.parse("def f():\n    nonlocal x\n"), 'f.py', 'exec')
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text))
code = compile(ast.parse("x = 1\ny = 2\nraise ValueError(x)"), 'gen.py', 'exec')
import traceback
try:
    exec(code)
except ValueError:
    print(traceback.format_exc().splitlines()[-3:])
