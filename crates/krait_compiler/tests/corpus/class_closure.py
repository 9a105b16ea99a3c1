def make():
    x = 1
    class K:
        y = x
        def m(self):
            return x
    return K

class M:
    def __init__(self):
        super().__init__()
