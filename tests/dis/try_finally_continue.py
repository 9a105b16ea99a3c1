for i in range(3):
    try:
        if i:
            continue
    finally:
        print(i)
