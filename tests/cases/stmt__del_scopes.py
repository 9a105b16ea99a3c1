# del in functions, classes and loops; deleting globals from functions; del of closure cells.
g1 = "global"
def delete_global():
    global g1
    del g1
delete_global()
print("g1" in globals())
class K:
    a = 1
    b = a + 1
    del a
print(hasattr(K, "a"), K.b)
def del_in_loop():
    out = []
    for i in range(3):
        tmp = i * 2
        out.append(tmp)
        del tmp
    return out, "tmp" in locals()
print(del_in_loop())
def outer():
    x = 1
    def get():
        return x
    del x
    try:
        return get()
    except NameError as e:
        return "NameError: " + str(e)
print(outer())
lst = list(range(6))
del lst[::2], lst[0]
print(lst)
d = {"a": 1, "b": 2}
for k in list(d):
    del d[k]
print(d)
