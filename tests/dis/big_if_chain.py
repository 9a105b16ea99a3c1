def f(x):
    if x == 0:
        return 0
    elif x == 1:
        return 1
    elif x == 2:
        return 4
    elif x == 3:
        return 9
    elif x == 4:
        return 16
    elif x == 5:
        return 25
    elif x == 6:
        return 36
    elif x == 7:
        return 49
    elif x == 8:
        return 64
    elif x == 9:
        return 81
    elif x == 10:
        return 100
    elif x == 11:
        return 121
    elif x == 12:
        return 144
    elif x == 13:
        return 169
    elif x == 14:
        return 196
    elif x == 15:
        return 225
    elif x == 16:
        return 256
    elif x == 17:
        return 289
    elif x == 18:
        return 324
    elif x == 19:
        return 361
    elif x == 20:
        return 400
    elif x == 21:
        return 441
    elif x == 22:
        return 484
    elif x == 23:
        return 529
    elif x == 24:
        return 576
    elif x == 25:
        return 625
    elif x == 26:
        return 676
    elif x == 27:
        return 729
    elif x == 28:
        return 784
    elif x == 29:
        return 841
    elif x == 30:
        return 900
    elif x == 31:
        return 961
    elif x == 32:
        return 1024
    elif x == 33:
        return 1089
    elif x == 34:
        return 1156
    elif x == 35:
        return 1225
    elif x == 36:
        return 1296
    elif x == 37:
        return 1369
    elif x == 38:
        return 1444
    elif x == 39:
        return 1521
    elif x == 40:
        return 1600
    elif x == 41:
        return 1681
    elif x == 42:
        return 1764
    elif x == 43:
        return 1849
    elif x == 44:
        return 1936
    elif x == 45:
        return 2025
    elif x == 46:
        return 2116
    elif x == 47:
        return 2209
    elif x == 48:
        return 2304
    elif x == 49:
        return 2401
    elif x == 50:
        return 2500
    elif x == 51:
        return 2601
    elif x == 52:
        return 2704
    elif x == 53:
        return 2809
    elif x == 54:
        return 2916
    elif x == 55:
        return 3025
    elif x == 56:
        return 3136
    elif x == 57:
        return 3249
    elif x == 58:
        return 3364
    elif x == 59:
        return 3481
    elif x == 60:
        return 3600
    elif x == 61:
        return 3721
    elif x == 62:
        return 3844
    elif x == 63:
        return 3969
    elif x == 64:
        return 4096
    elif x == 65:
        return 4225
    elif x == 66:
        return 4356
    elif x == 67:
        return 4489
    elif x == 68:
        return 4624
    elif x == 69:
        return 4761
    elif x == 70:
        return 4900
    elif x == 71:
        return 5041
    elif x == 72:
        return 5184
    elif x == 73:
        return 5329
    elif x == 74:
        return 5476
    elif x == 75:
        return 5625
    elif x == 76:
        return 5776
    elif x == 77:
        return 5929
    elif x == 78:
        return 6084
    elif x == 79:
        return 6241
    return -1
