x = 1
class C:
    global x
    x = 2
    def f(self):
        return x
