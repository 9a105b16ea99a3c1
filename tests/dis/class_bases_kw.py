class M(type):
    pass
class A(object, metaclass=M):
    pass
bases = (object,)
class B(*bases):
    pass
