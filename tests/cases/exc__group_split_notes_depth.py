# ExceptionGroup.split/subgroup: each part gets its own copy of a sequence __notes__,
# non-sequence notes are not copied, and very deep nesting raises RecursionError.
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
eg.add_note("note1")
match, rest = eg.split(TypeError)
print(match.__notes__, rest.__notes__, match.__notes__ is eg.__notes__, match.__notes__ is rest.__notes__)
match.add_note("m")
print(eg.__notes__, match.__notes__)
eg.__notes__ = ("tuple", "notes")
m2 = eg.subgroup(ValueError)
print(type(m2.__notes__).__name__, m2.__notes__)
eg.__notes__ = 123
m3, r3 = eg.split(TypeError)
print(hasattr(m3, "__notes__"), hasattr(r3, "__notes__"))
e = TypeError(1)
for i in range(2000):
    e = ExceptionGroup("eg", [e])
for op in (e.split, e.subgroup):
    try:
        op(ValueError)
    except RecursionError:
        print("RecursionError")
