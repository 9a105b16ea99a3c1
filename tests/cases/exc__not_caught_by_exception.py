# SystemExit, KeyboardInterrupt and GeneratorExit are not Exceptions.
for exc in [SystemExit(2), KeyboardInterrupt(), GeneratorExit(), ValueError()]:
    try:
        try:
            raise exc
        except Exception:
            print(type(exc).__name__, "caught by except Exception")
    except BaseException as be:
        print(type(be).__name__, "escaped except Exception")
def gen():
    try:
        yield 1
    except Exception:
        print("never: GeneratorExit is not an Exception")
    finally:
        print("gen finally")
g = gen()
next(g)
g.close()
try:
    raise StopIteration("stop")
except Exception as e:
    print("StopIteration is an Exception:", repr(e))
