def f():
    try:
        pass
    except Exception as exc:
        return exc
    except (A, B) as other:
        print(other)
