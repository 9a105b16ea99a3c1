//! Marshal errors: each carries the Python exception type and message CPython 3.11 uses.

use std::fmt;

/// The Python exception a marshal error maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    EOFError,
    TypeError,
    /// A `u`/`t` payload that is not UTF-8 (with surrogates allowed).
    UnicodeDecodeError,
    /// A str holding a character krait cannot represent (see `surrogate`).
    NotImplementedError,
    /// A code object whose fields have the wrong types (CPython: `PyErr_BadInternalCall`).
    SystemError,
}

impl ErrorKind {
    /// The exception's class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::EOFError => "EOFError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::UnicodeDecodeError => "UnicodeDecodeError",
            ErrorKind::SystemError => "SystemError",
            ErrorKind::NotImplementedError => "NotImplementedError",
        }
    }
}

/// An error from reading or writing marshal data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarshalError {
    pub kind: ErrorKind,
    pub message: String,
}

impl MarshalError {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> MarshalError {
        MarshalError { kind, message: message.into() }
    }

    /// `ValueError("bad marshal data (<what>)")`.
    pub(crate) fn bad(what: &str) -> MarshalError {
        MarshalError::new(ErrorKind::ValueError, format!("bad marshal data ({what})"))
    }

    pub(crate) fn too_short() -> MarshalError {
        MarshalError::new(ErrorKind::EOFError, "marshal data too short")
    }

    pub(crate) fn eof_not_expected() -> MarshalError {
        MarshalError::new(ErrorKind::EOFError, "EOF read where not expected")
    }

    pub(crate) fn null_in(what: &str) -> MarshalError {
        MarshalError::new(ErrorKind::TypeError, format!("NULL object in marshal data for {what}"))
    }
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for MarshalError {}

pub type Result<T> = std::result::Result<T, MarshalError>;
