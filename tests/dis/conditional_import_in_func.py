def f(flag):
    if flag:
        import json
        return json
    from os import path
    return path
