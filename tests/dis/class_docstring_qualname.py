class A:
    '''Doc.'''
    class B:
        def m(self):
            def inner():
                pass
            return inner
