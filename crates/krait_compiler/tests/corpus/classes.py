class A:
    """A doc."""
    x = 1
    def m(self):
        return self.x
    @staticmethod
    def s():
        return 2

class B(A, metaclass=type):
    def m(self):
        return super().m() + 1
    def __priv(self):
        return self.__secret

class C:
    def f(self):
        return __class__
