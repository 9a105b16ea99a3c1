try:
    try:
        pass
    except ValueError:
        raise TypeError from None
    finally:
        pass
except TypeError as e:
    try:
        pass
    except:
        pass
