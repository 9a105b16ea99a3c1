# Deep trees: RecursionError from ast construction and from compiling a tree; type comments.
import ast

for n in [100, 1000, 10000]:
    try:
        t = ast.parse("1+" * n + "1")
        print(n, "parsed", type(t.body[0].value).__name__)
        c = compile(t, "f", "exec")
        print(n, "compiled")
    except RecursionError as e:
        print(n, type(e).__name__, e)

# A hand-built chain of nested nodes deeper than the recursion limit.
e = ast.Constant(0)
for i in range(5000):
    e = ast.UnaryOp(ast.USub(), e)
try:
    compile(ast.fix_missing_locations(ast.Expression(e)), "f", "eval")
except RecursionError as ex:
    print("RecursionError", ex)

t = ast.parse("x = 1\n", type_comments=True)
print(ast.dump(t))
print(ast.dump(ast.parse("def f(a):\n    return a\n", type_comments=True)))
