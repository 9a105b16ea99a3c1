//! krait_syntax: Python source → CPython-shaped AST ([`ast`]), with SyntaxError rendered as
//! CPython 3.11 renders it. This is the only crate that sees `ruff_python_parser`.
#![forbid(unsafe_code)]

pub mod ast;
mod convert;
mod dump;
pub mod encoding;
mod error;
mod errors;
mod source;
mod unicode;

pub use dump::dump;
pub use error::SyntaxError;

use convert::{Converter, LineIndex};
use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::ParseOptions;

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
///
/// A leading UTF-8 BOM is skipped and `\r\n` / `\r` line endings are read as `\n`, as
/// CPython's tokenizer does for `compile()` of a string.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<Parsed, SyntaxError> {
    let src = source::normalise(source);
    let ruff_mode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
    };
    let options = ParseOptions::from(ruff_mode).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(&src, options);
    let lines = LineIndex::new(&src);
    if let Some(err) = errors::first_error(&src, &lines, &parsed, filename) {
        return Err(err);
    }
    let mut conv = Converter::new(&src, &lines, parsed.tokens());
    let tree = match parsed.syntax() {
        Mod::Expression(e) => Parsed::Expression(ast::Expression { body: conv.bexpr(&e.body) }),
        Mod::Module(m) => {
            let body = conv.stmts(&m.body);
            match mode {
                Mode::Single => {
                    errors::check_single(&src, &lines, &body, filename)?;
                    Parsed::Interactive(ast::Interactive { body })
                }
                Mode::Exec | Mode::Eval => Parsed::Module(ast::Module { body }),
            }
        }
    };
    if let Some(range) = conv.unrepresentable {
        let at = errors::ErrorBuilder { src: &src, lines: &lines, filename };
        return Err(at.at("NotImplementedError", krait_bytecode::surrogate::UNREPRESENTABLE, range.start().to_u32(), range.end().to_u32()));
    }
    Ok(tree)
}
