def f():
    try:
        return g()
    except ValueError:
        return None
    finally:
        print("x")
