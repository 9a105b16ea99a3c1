import enum
class Color(enum.Enum):
    RED = 1
def f(c):
    match c:
        case Color.RED:
            return 'r'
        case -1:
            return 'm'
        case 1+2j:
            return 'c'
