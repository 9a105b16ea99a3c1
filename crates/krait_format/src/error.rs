//! The error type of this crate: a Python exception kind plus CPython's exact message.

use std::fmt;

/// Which Python exception a [`FormatError`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    OverflowError,
    TypeError,
    MemoryError,
    /// A code point krait cannot store (krait_bytecode::surrogate).
    NotImplementedError,
}

impl ErrorKind {
    /// The Python name of the exception class.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::NotImplementedError => "NotImplementedError",
        }
    }
}

/// A Python exception to raise: its kind and its message, byte for byte as CPython words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ErrorKind,
    pub message: String,
}

impl FormatError {
    pub fn value(message: impl Into<String>) -> Self {
        FormatError { kind: ErrorKind::ValueError, message: message.into() }
    }

    pub fn overflow(message: impl Into<String>) -> Self {
        FormatError { kind: ErrorKind::OverflowError, message: message.into() }
    }

    /// The character `%c` / `{:c}` makes of code point `cp` (below 0x110000; a surrogate's
    /// stand-in), or NotImplementedError where krait cannot store it.
    pub(crate) fn char_for(cp: u32) -> Result<char, Self> {
        krait_bytecode::surrogate::char_for(cp).ok_or_else(|| FormatError { kind: ErrorKind::NotImplementedError, message: krait_bytecode::surrogate::UNREPRESENTABLE.into() })
    }

    pub fn type_error(message: impl Into<String>) -> Self {
        FormatError { kind: ErrorKind::TypeError, message: message.into() }
    }

    /// Raised instead of attempting an absurdly large allocation (CPython would fail to allocate).
    pub fn memory() -> Self {
        FormatError { kind: ErrorKind::MemoryError, message: String::new() }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for FormatError {}

/// Result alias used throughout the crate.
pub type FormatResult<T> = Result<T, FormatError>;

/// Largest width or output length we agree to build; beyond it we report MemoryError.
pub(crate) const MAX_OUTPUT_LEN: usize = i32::MAX as usize;
