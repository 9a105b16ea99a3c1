def f():
    from . import a
    from .. import b
    from .c import d
    import e.f.g
    return a, b, d, e
