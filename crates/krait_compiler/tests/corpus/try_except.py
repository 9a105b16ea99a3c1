try:
    x = 1 / 0
except ZeroDivisionError as e:
    print(e)
except (TypeError, ValueError):
    pass
except:
    raise
else:
    print("else")
try:
    pass
finally:
    print("fin")
