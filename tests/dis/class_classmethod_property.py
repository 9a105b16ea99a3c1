class A:
    @classmethod
    def c(cls):
        return cls
    @staticmethod
    def s():
        return 1
    @property
    def p(self):
        return 2
    @p.setter
    def p(self, v):
        pass
