# The node classes of _ast: fields, attributes, defaults, docs, constructors, reduce.
import ast, _ast, copy, pickle

names = sorted(n for n in dir(_ast) if isinstance(getattr(_ast, n), type) and issubclass(getattr(_ast, n), ast.AST))
print(len(names))
for n in names:
    c = getattr(_ast, n)
    d = {k: v for k, v in vars(c).items() if v is None and k != '__doc__'}
    print(n, c.__bases__[0].__name__, c._fields, c.__dict__.get('_attributes'), c.__match_args__, d)
    print('   ', repr(c.__doc__))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.AST.__module__, ast.Name.__module__, ast.AST._fields)

def t(f):
    try:
        r = f()
        if isinstance(r, ast.AST):
            r = {k: (ast.dump(v) if isinstance(v, ast.AST) else v) for k, v in vars(r).items()}
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: ast.Name('x', ast.Load()))
t(lambda: ast.Name(id='x', lineno=3))
t(lambda: ast.Name(1, 2, 3))
t(lambda: ast.Name('x', id='y'))
t(lambda: ast.Pass(1))
t(lambda: ast.AST(1))
t(lambda: ast.Load(x=1))
t(lambda: ast.Constant(5).kind)
t(lambda: ast.Name().id)
t(lambda: ast.arg('a').annotation)
t(lambda: ast.Name('x').__reduce__())
t(lambda: ast.AST().__reduce__())
n = ast.BinOp(ast.Constant(1), ast.Add(), ast.Name('y', ast.Load()))
c = copy.deepcopy(n)
print(ast.dump(c), c is not n, c.left is not n.left)
p = pickle.loads(pickle.dumps(n))
print(ast.dump(p))
class MyName(ast.Name):
    _fields = ('id', 'ctx', 'extra')
m = MyName('a', ast.Load(), 5)
print(m.extra, isinstance(m, ast.expr), ast.dump(m))
match ast.parse("f(1)").body[0].value:
    case ast.Call(ast.Name(id), [ast.Constant(v)]):
        print("matched", id, v)
print(isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant('s'), ast.Str))
print(ast.dump(ast.Num(5)), ast.Constant(3).n)
