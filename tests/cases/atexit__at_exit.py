import atexit


class Bad:
    def __call__(self):
        raise ValueError('boom in callback')

    def __repr__(self):
        return '<Bad callback>'


def show(*args, **kwargs):
    print('show', args, sorted(kwargs.items()))


atexit.register(show, 1, 2, key='v')
atexit.register(Bad())
atexit.register(show, 'registered last, runs first')
r = atexit.register(show, 'unregistered')
atexit.unregister(r)
atexit.register(print, 'a', 'b', sep='-')
atexit._run_exitfuncs()
print('after explicit run', atexit._ncallbacks())
atexit.register(show, 'at exit')
atexit.register(Bad())
print('main done')
raise KeyError('uncaught first, callbacks after')
