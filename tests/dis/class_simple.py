class A:
    pass
class B(A):
    x = 1
    def m(self):
        return self.x
