# exec/eval with separate globals and locals, functions defined in exec, builtins injection.
g = {"x": 10}
l = {"y": 5}
exec("z = x + y\ndef f():\n    return x\nw = f()", g, l)
print(sorted(l), l["z"], l["w"], "z" in g)
print(eval("x * y", g, l), eval("[x for _ in range(2)]", g, l))
try:
    exec("def g2():\n    return y\nres = g2()", g, l)
except NameError as e:
    print("NameError:", e)
env = {"__builtins__": {"len": len, "print": print}}
exec("print('restricted', len('abc'))", env)
try:
    exec("abs(-1)", env)
except NameError as e:
    print("NameError:", e)
counter = {"n": 0}
exec("for i in range(5):\n    n += i", {}, counter)
print(counter)
code = compile("a + b", "<calc>", "eval")
print([eval(code, {"a": i, "b": i * i}) for i in range(4)])
def run_in_function():
    local_var = "function local"
    return eval("local_var"), eval("local_var", {}, {"local_var": "explicit"})
print(run_in_function())
ns = {}
exec("import math\nr = math.sqrt(49)", ns)
print(ns["r"], "math" in ns)
