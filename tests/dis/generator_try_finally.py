def gen():
    try:
        yield 1
    finally:
        print('cleanup')
