# Objects still alive when the program ends: their __del__ runs as the main module's
# globals are cleared (names with one leading underscore first).
class A:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = A("a")
_hidden = A("_hidden")
b = A("b")
pair = [A("in list")]
print("end of program")
