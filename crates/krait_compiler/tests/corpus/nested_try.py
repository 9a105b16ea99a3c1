def f():
    try:
        try:
            a()
        except KeyError:
            b()
        finally:
            c()
    except Exception as e:
        d(e)
    else:
        return 1
    finally:
        e()
