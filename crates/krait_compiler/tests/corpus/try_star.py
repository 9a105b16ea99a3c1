try:
    f()
except* ValueError as eg:
    print(eg)
except* TypeError:
    pass

try:
    g()
except* OSError:
    pass
finally:
    cleanup()
