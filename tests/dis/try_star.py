try:
    raise ExceptionGroup('eg', [ValueError(1)])
except* ValueError as e:
    print(e)
except* TypeError:
    pass
