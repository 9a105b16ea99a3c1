//! SyntaxError as data, with the fields CPython's SyntaxError carries.

/// A syntax error, located as CPython locates it (1-based line, 1-based column offset in
/// characters, as `SyntaxError.offset`), with CPython 3.11's message text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// `"SyntaxError"`, `"IndentationError"` or `"TabError"`; `"NotImplementedError"` for a
    /// string literal holding a character krait cannot represent (krait_bytecode::surrogate).
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    /// 1-based column (characters) as in `SyntaxError.offset`; 0 when unknown.
    pub offset: u32,
    /// The offending source line including its newline, as in `SyntaxError.text`.
    pub text: Option<String>,
    pub end_lineno: u32,
    pub end_offset: u32,
}
