//! The builtin exception classes of CPython 3.11 and their bases: one table, parents first.
//! (Regenerate from CPython's builtins if it must change; ExceptionGroup's second base,
//! Exception, is added where the table is turned into types.)

crate::define_exceptions! {
    root object;
    base_exception: "BaseException" <- object;
    base_exception_group: "BaseExceptionGroup" <- base_exception;
    exception: "Exception" <- base_exception;
    generator_exit: "GeneratorExit" <- base_exception;
    keyboard_interrupt: "KeyboardInterrupt" <- base_exception;
    system_exit: "SystemExit" <- base_exception;
    arithmetic_error: "ArithmeticError" <- exception;
    assertion_error: "AssertionError" <- exception;
    attribute_error: "AttributeError" <- exception;
    buffer_error: "BufferError" <- exception;
    eof_error: "EOFError" <- exception;
    import_error: "ImportError" <- exception;
    lookup_error: "LookupError" <- exception;
    memory_error: "MemoryError" <- exception;
    name_error: "NameError" <- exception;
    os_error: "OSError" <- exception;
    reference_error: "ReferenceError" <- exception;
    runtime_error: "RuntimeError" <- exception;
    stop_async_iteration: "StopAsyncIteration" <- exception;
    stop_iteration: "StopIteration" <- exception;
    syntax_error: "SyntaxError" <- exception;
    system_error: "SystemError" <- exception;
    type_error: "TypeError" <- exception;
    value_error: "ValueError" <- exception;
    warning: "Warning" <- exception;
    blocking_io_error: "BlockingIOError" <- os_error;
    bytes_warning: "BytesWarning" <- warning;
    child_process_error: "ChildProcessError" <- os_error;
    connection_error: "ConnectionError" <- os_error;
    deprecation_warning: "DeprecationWarning" <- warning;
    encoding_warning: "EncodingWarning" <- warning;
    exception_group: "ExceptionGroup" <- base_exception_group;
    file_exists_error: "FileExistsError" <- os_error;
    file_not_found_error: "FileNotFoundError" <- os_error;
    floating_point_error: "FloatingPointError" <- arithmetic_error;
    future_warning: "FutureWarning" <- warning;
    import_warning: "ImportWarning" <- warning;
    indentation_error: "IndentationError" <- syntax_error;
    index_error: "IndexError" <- lookup_error;
    interrupted_error: "InterruptedError" <- os_error;
    is_a_directory_error: "IsADirectoryError" <- os_error;
    key_error: "KeyError" <- lookup_error;
    module_not_found_error: "ModuleNotFoundError" <- import_error;
    not_a_directory_error: "NotADirectoryError" <- os_error;
    not_implemented_error: "NotImplementedError" <- runtime_error;
    overflow_error: "OverflowError" <- arithmetic_error;
    pending_deprecation_warning: "PendingDeprecationWarning" <- warning;
    permission_error: "PermissionError" <- os_error;
    process_lookup_error: "ProcessLookupError" <- os_error;
    recursion_error: "RecursionError" <- runtime_error;
    resource_warning: "ResourceWarning" <- warning;
    runtime_warning: "RuntimeWarning" <- warning;
    syntax_warning: "SyntaxWarning" <- warning;
    timeout_error: "TimeoutError" <- os_error;
    unbound_local_error: "UnboundLocalError" <- name_error;
    unicode_error: "UnicodeError" <- value_error;
    unicode_warning: "UnicodeWarning" <- warning;
    user_warning: "UserWarning" <- warning;
    zero_division_error: "ZeroDivisionError" <- arithmetic_error;
    broken_pipe_error: "BrokenPipeError" <- connection_error;
    connection_aborted_error: "ConnectionAbortedError" <- connection_error;
    connection_refused_error: "ConnectionRefusedError" <- connection_error;
    connection_reset_error: "ConnectionResetError" <- connection_error;
    tab_error: "TabError" <- indentation_error;
    unicode_decode_error: "UnicodeDecodeError" <- unicode_error;
    unicode_encode_error: "UnicodeEncodeError" <- unicode_error;
    unicode_translate_error: "UnicodeTranslateError" <- unicode_error;
}

/// Builtin names that are aliases of a class above (`IOError` is `OSError`).
pub const EXCEPTION_ALIASES: &[(&str, &str)] = &[("EnvironmentError", "OSError"), ("IOError", "OSError")];
