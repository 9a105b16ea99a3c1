def f(x):
    x = x + 0
    if x > 0:
        x -= 1
    x = x + 1
    if x > 3:
        x -= 1
    x = x + 2
    if x > 6:
        x -= 1
    x = x + 3
    if x > 9:
        x -= 1
    x = x + 4
    if x > 12:
        x -= 1
    x = x + 5
    if x > 15:
        x -= 1
    x = x + 6
    if x > 18:
        x -= 1
    x = x + 7
    if x > 21:
        x -= 1
    x = x + 8
    if x > 24:
        x -= 1
    x = x + 9
    if x > 27:
        x -= 1
    x = x + 10
    if x > 30:
        x -= 1
    x = x + 11
    if x > 33:
        x -= 1
    x = x + 12
    if x > 36:
        x -= 1
    x = x + 13
    if x > 39:
        x -= 1
    x = x + 14
    if x > 42:
        x -= 1
    x = x + 15
    if x > 45:
        x -= 1
    x = x + 16
    if x > 48:
        x -= 1
    x = x + 17
    if x > 51:
        x -= 1
    x = x + 18
    if x > 54:
        x -= 1
    x = x + 19
    if x > 57:
        x -= 1
    x = x + 20
    if x > 60:
        x -= 1
    x = x + 21
    if x > 63:
        x -= 1
    x = x + 22
    if x > 66:
        x -= 1
    x = x + 23
    if x > 69:
        x -= 1
    x = x + 24
    if x > 72:
        x -= 1
    x = x + 25
    if x > 75:
        x -= 1
    x = x + 26
    if x > 78:
        x -= 1
    x = x + 27
    if x > 81:
        x -= 1
    x = x + 28
    if x > 84:
        x -= 1
    x = x + 29
    if x > 87:
        x -= 1
    x = x + 30
    if x > 90:
        x -= 1
    x = x + 31
    if x > 93:
        x -= 1
    x = x + 32
    if x > 96:
        x -= 1
    x = x + 33
    if x > 99:
        x -= 1
    x = x + 34
    if x > 102:
        x -= 1
    x = x + 35
    if x > 105:
        x -= 1
    x = x + 36
    if x > 108:
        x -= 1
    x = x + 37
    if x > 111:
        x -= 1
    x = x + 38
    if x > 114:
        x -= 1
    x = x + 39
    if x > 117:
        x -= 1
    x = x + 40
    if x > 120:
        x -= 1
    x = x + 41
    if x > 123:
        x -= 1
    x = x + 42
    if x > 126:
        x -= 1
    x = x + 43
    if x > 129:
        x -= 1
    x = x + 44
    if x > 132:
        x -= 1
    x = x + 45
    if x > 135:
        x -= 1
    x = x + 46
    if x > 138:
        x -= 1
    x = x + 47
    if x > 141:
        x -= 1
    x = x + 48
    if x > 144:
        x -= 1
    x = x + 49
    if x > 147:
        x -= 1
    x = x + 50
    if x > 150:
        x -= 1
    x = x + 51
    if x > 153:
        x -= 1
    x = x + 52
    if x > 156:
        x -= 1
    x = x + 53
    if x > 159:
        x -= 1
    x = x + 54
    if x > 162:
        x -= 1
    x = x + 55
    if x > 165:
        x -= 1
    x = x + 56
    if x > 168:
        x -= 1
    x = x + 57
    if x > 171:
        x -= 1
    x = x + 58
    if x > 174:
        x -= 1
    x = x + 59
    if x > 177:
        x -= 1
    return x
