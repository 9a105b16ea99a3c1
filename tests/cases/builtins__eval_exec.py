# eval, exec, compile, globals/locals dicts.
print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("[y for y in range(3)]"), eval(" 5 "))
g = {"a": 1}
exec("b = a + 1\ndef f():\n    return b * 10", g)
print(g["b"], g["f"](), sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)
l = {}
exec("z = 5", {}, l)
print(l)
code = compile("3 * 7", "<expr>", "eval")
print(eval(code), type(code).__name__, code.co_filename)
exec(compile("print('compiled exec')", "<s>", "exec"))
print(eval("abs(-3)"), eval("len", {"__builtins__": {"len": len}})("abc"))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset, repr(e.text), e.filename)
try:
    eval("undefined_in_eval")
except NameError as e:
    print("NameError:", e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError:", e)
def scope():
    local_v = 10
    return eval("local_v + 1")
print(scope())
ns = {}
exec("class K:\n    v = 3", ns)
print(ns["K"].v, ns["K"].__module__ if "__name__" in ns else ns["K"].__module__)
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
try:
    exec("x = (")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("import os")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
