"""Record CPython 3.11's `_opcode.stack_effect` for krait_bytecode's tests.

Run with python3.11:
    python3 tools/gen_stack_effect_fixture.py > crates/krait_bytecode/tests/data/stack_effect.txt

One line per (opcode, oparg): `opcode oparg none true false`, where oparg is `-` for None and each
result is an int or an error tag: `E_REQ` (oparg required), `E_NOARG` (oparg not permitted),
`E_INV` (invalid opcode or oparg).
"""
import _opcode
import sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"

OPARGS = [None, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 255, 256, 257, 0x1FF, 0x203,
          0xFFFF, 0x10000, 0x12345, 2**31 - 1, -1, -2, -3, -256, -(2**31)]


def effect(op, arg, jump):
    try:
        return str(_opcode.stack_effect(op, arg, jump=jump))
    except ValueError as e:
        msg = str(e)
        if "requires oparg" in msg:
            return "E_REQ"
        if "does not permit" in msg:
            return "E_NOARG"
        if msg == "invalid opcode or oparg":
            return "E_INV"
        raise


for op in range(-12, 300):
    for arg in OPARGS:
        cols = [effect(op, arg, j) for j in (None, True, False)]
        print(op, "-" if arg is None else arg, *cols)
