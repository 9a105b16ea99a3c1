# The builtin exception hierarchy.
names = ["BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception",
         "StopIteration", "StopAsyncIteration", "ArithmeticError", "FloatingPointError",
         "OverflowError", "ZeroDivisionError", "AssertionError", "AttributeError", "BufferError",
         "EOFError", "ImportError", "ModuleNotFoundError", "LookupError", "IndexError", "KeyError",
         "MemoryError", "NameError", "UnboundLocalError", "OSError", "FileNotFoundError",
         "FileExistsError", "PermissionError", "IsADirectoryError", "NotADirectoryError",
         "TimeoutError", "ConnectionError", "BrokenPipeError", "ReferenceError", "RuntimeError",
         "NotImplementedError", "RecursionError", "SyntaxError", "IndentationError", "TabError",
         "SystemError", "TypeError", "ValueError", "UnicodeError", "UnicodeDecodeError",
         "UnicodeEncodeError", "UnicodeTranslateError", "Warning", "DeprecationWarning",
         "UserWarning", "RuntimeWarning", "SyntaxWarning", "BaseExceptionGroup", "ExceptionGroup"]
b = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__)
for n in names:
    cls = b[n]
    print(n, "->", [k.__name__ for k in cls.__mro__[1:]])
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(KeyError, LookupError), issubclass(SystemExit, Exception), issubclass(StopIteration, Exception))
