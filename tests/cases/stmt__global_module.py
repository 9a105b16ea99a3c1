# Module-level global statements, globals() mutation and name resolution through builtins.
global_var = 1
def read():
    return global_var
globals()["global_var"] = 2
print(read())
len = lambda x: "shadowed len"
print(len([1, 2]))
del len
print(len([1, 2]))
builtins = __builtins__
builtins.custom_builtin = "from builtins"
print(custom_builtin)
del builtins.custom_builtin
try:
    custom_builtin
except NameError as e:
    print("NameError:", e)
def f():
    return max_value
max_value = 10
print(f())
print(__name__, "read" in globals(), type(globals()).__name__)
