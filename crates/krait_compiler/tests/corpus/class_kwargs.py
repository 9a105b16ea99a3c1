class A(Base, *mixins, metaclass=Meta, **opts):
    pass

class B(object):
    __slots__ = ("a", "b")
