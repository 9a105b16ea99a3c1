//! krait_syntax: Python source → CPython-shaped AST ([`ast`]), with SyntaxError rendered as
//! CPython 3.11 renders it. This is the only crate that sees `ruff_python_parser`.
#![forbid(unsafe_code)]

pub mod ast;
mod error;

pub use error::SyntaxError;

/// What the source is parsed as (the `mode` argument of `compile()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// A parse result for each mode.
#[derive(Clone, Debug)]
pub enum Parsed {
    Module(ast::Module),
    Expression(ast::Expression),
    Interactive(ast::Interactive),
}

/// Parse `source` as Python 3.11 in `mode`; `filename` is only used in the error.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<Parsed, SyntaxError> {
    let _ = (source, filename, mode);
    unimplemented!("krait_syntax::parse")
}
