# Exception args, str/repr, add_note, __traceback__, custom attributes.
e = ValueError("msg", 2)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), str(ValueError("one")), repr(KeyError("k")), str(KeyError("k")))
print(str(KeyError()), str(KeyError(1, 2)), repr(Exception(None)), str(Exception(None)))
try:
    raise ValueError("with tb")
except ValueError as err:
    print(err.__traceback__ is not None, type(err.__traceback__).__name__)
    tb = err.__traceback__
    print(tb.tb_lineno, tb.tb_next)
e = Exception("noted")
print(e.__traceback__)
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as te:
    print("TypeError:", te)
class MyErr(Exception):
    def __init__(self, code, text):
        super().__init__(code, text)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[1]}"
try:
    raise MyErr(404, "not found")
except MyErr as m:
    print(m, repr(m), m.code, m.args)
class NoInit(Exception):
    pass
print(NoInit(1, 2).args, repr(NoInit()))
print(StopIteration(5).value, StopIteration().value)
s = SystemExit(3)
print(s.code, SystemExit().code, SystemExit(1, 2).code)
ke = KeyError("x")
ke.args = ("y",)
print(ke, ke.args)
oe = OSError(2, "No such file")
print(oe.errno, oe.strerror, oe, type(oe).__name__)
ie = ImportError("nope", name="mod")
print(ie.name, ie.msg, ie)
ne = NameError("n", name="n")
print(ne.name)
ae = AttributeError("a", name="attr", obj=5)
print(ae.name, ae.obj)
ue = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(ue, ue.start, ue.end, ue.reason, ue.object)
e = Exception("x")
e.custom = 1
print(e.custom, e.with_traceback(None) is e)
