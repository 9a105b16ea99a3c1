# Assorted ast behaviours: bytes source, feature_version, annotate_fields, increment_lineno,
# single mode, attribute deletion, copy, repr, errors, literal_eval edge values, visitors.
import ast, copy
print(ast.dump(ast.parse(b'x = 1\n')))
print(ast.dump(ast.parse('x = 1', feature_version=(3, 8))))
print(ast.dump(ast.parse('f(a, b=2)'), annotate_fields=False))
t = ast.parse('a\nb\n')
ast.increment_lineno(t, 10)
print([n.lineno for n in ast.walk(t) if hasattr(n, 'lineno')])
i = ast.parse('1 + 1', mode='single')
exec(compile(i, '<s>', 'single'))
n = ast.Name('x', ast.Load())
del n.id
print(hasattr(n, 'id'), [(k, ast.dump(v) if isinstance(v, ast.AST) else v) for k, v in ast.iter_fields(ast.Name('y', ast.Load()))])
c = copy.copy(ast.parse('x').body[0])
print(type(c).__name__, c.lineno)
print(ast.Name('x') == ast.Name('x'), repr(ast.Load())[:10])
print(ast.unparse(ast.Module([ast.Expr(ast.BinOp(ast.Constant(1), ast.Mult(), ast.BinOp(ast.Constant(2), ast.Add(), ast.Constant(3))))], [])))
try:
    compile(ast.Module([ast.Pass(lineno=1, col_offset=0)]), 'f', 'exec')
except TypeError as e:
    print(e)
m = ast.parse('async def f():\n    await g()\n')
print(ast.dump(m.body[0].body[0]))
try:
    ast.parse('x = ', 'myfile.py')
except SyntaxError as e:
    print(e.filename, e.lineno, e.msg)
print(compile('x', 'f', 'eval', ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT).__class__.__name__)
print(ast.literal_eval('1e1000'), ast.literal_eval('-0.0'), ast.literal_eval("b'\\x00\\xff'"))
import _ast
print(_ast.AST is ast.AST, ast.Load.__mro__)
class V(ast.NodeVisitor):
    def visit_Name(self, node):
        print('name', node.id)
V().visit(ast.parse('a + b * c'))
print(ast.get_docstring(ast.parse('"""mod doc"""\nx = 1')))
