# TypeErrors of sequence + and * (the sq_concat / sq_repeat fallbacks), and reflected
# operands taking precedence over them.
tests = [
    "[1] * 1.5", "1.5 * [1]", "'a' * 1.5", "b'a' * 1.5", "bytearray(b'a') * 1.5", "(1,) * 1.5",
    "'a' * 'b'", "[1] * None", "None * (1,)", "[1] * [2]",
    "'a' + 1", "[1] + (1,)", "(1,) + [1]", "b'a' + 'b'", "bytearray() + 'x'", "'a' + b'a'",
    "[1] + None", "(1,) + 'a'", "1 + 'a'", "{} + []", "range(3) * 2", "range(3) + range(2)",
    "[1] * 2 ** 100", "'a' * 2 ** 100",
]
for t in tests:
    try:
        print(t, '->', eval(t))
    except (TypeError, OverflowError, MemoryError) as e:
        print(t, '->', type(e).__name__, e)

for stmt in ["x = [1]; x *= 1.5", "x = 'a'; x *= 1.5", "x = (1,); x += [1]", "x = [1]; x += 5",
             "x = 'a'; x += 1", "x = b'a'; x *= 2.0", "x = bytearray(); x += 'a'", "x = bytearray(); x *= 'a'"]:
    try:
        exec(stmt)
        print(stmt, '-> ok')
    except TypeError as e:
        print(stmt, '->', e)

class R:
    def __radd__(self, other):
        return 'radd'
    def __rmul__(self, other):
        return 'rmul'
for t in ["[1] + R()", "(1,) + R()", "'a' + R()", "b'a' + R()", "bytearray(b'x') + R()",
          "[1] * R()", "'a' * R()", "b'a' * R()"]:
    print(t, '->', eval(t))

class L(list):
    pass
class S(str):
    pass
class I:
    def __index__(self):
        return 2
print(L([1]) * 2, [1] * I(), I() * 'ab', 'ab' * True, S('x') * 3)
for t in ["L([1]) * 1.5", "S('x') + 1", "L() + ()", "1.5 * S('x')"]:
    try:
        eval(t)
    except TypeError as e:
        print(t, '->', e)
