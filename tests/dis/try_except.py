try:
    x = 1 / 0
except ZeroDivisionError:
    x = 0
except (TypeError, ValueError) as e:
    print(e)
except:
    raise
