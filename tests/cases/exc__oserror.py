# OSError construction maps errno to subclasses; attributes and str forms.
import sys
for errno_, msg in [(2, "No such file or directory"), (13, "Permission denied"), (17, "File exists"),
                    (21, "Is a directory"), (20, "Not a directory"), (32, "Broken pipe"), (110, "Timed out"), (999, "Unknown")]:
    e = OSError(errno_, msg)
    print(type(e).__name__, e.errno, e.strerror, str(e), e.args)
e = OSError(2, "No such file", "name.txt")
print(type(e).__name__, str(e), e.filename, e.filename2, repr(e))
e = OSError(18, "Cross-device link", "a", None, "b")
print(str(e), e.filename2)
print(str(OSError("just a message")), OSError("m").errno, OSError().args, str(OSError(1)))
print(FileNotFoundError(2, "x").errno, isinstance(FileNotFoundError(), OSError), issubclass(TimeoutError, OSError))
try:
    open("_scratch_exc__oserror_missing/none.txt")
except OSError as err:
    print(type(err).__name__, err.errno, err.filename)
