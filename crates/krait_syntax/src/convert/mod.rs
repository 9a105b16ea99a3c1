//! Conversion of ruff's AST to the CPython-shaped AST: shared state and location mapping.

mod args;
mod expr;
mod number;
mod pattern;
mod stmt;
mod strings;

use crate::ast::{ExprContext, Loc};
use ruff_python_ast::token::{Token, Tokens};
use ruff_python_ast::Identifier;
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::rc::Rc;

/// Byte offsets of line starts, to turn ruff's byte offsets into CPython's (line, column).
pub(crate) struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Lines end at `\n` only: the caller has already translated `\r\n` and `\r`.
    pub(crate) fn new(src: &str) -> LineIndex {
        let mut starts = vec![0u32];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        LineIndex { starts }
    }

    /// 1-based line and 0-based byte column of `offset`.
    pub(crate) fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let col = offset - self.starts[line - 1];
        (u32::try_from(line).unwrap_or(u32::MAX), col)
    }

    /// Byte offset where 1-based `line` starts (the end of the source past the last line).
    pub(crate) fn line_start(&self, line: u32) -> Option<u32> {
        self.starts.get((line as usize).checked_sub(1)?).copied()
    }
}

/// Conversion state: the (normalised) source, its line index and ruff's tokens.
pub(crate) struct Converter<'a> {
    src: &'a str,
    lines: &'a LineIndex,
    tokens: &'a Tokens,
}

impl<'a> Converter<'a> {
    pub(crate) fn new(src: &'a str, lines: &'a LineIndex, tokens: &'a Tokens) -> Self {
        Converter { src, lines, tokens }
    }

    fn pos(&self, offset: TextSize) -> (u32, u32) {
        self.lines.line_col(offset.to_u32())
    }

    /// CPython location of a byte range.
    fn loc(&self, range: TextRange) -> Loc {
        let (lineno, col_offset) = self.pos(range.start());
        let (end_lineno, end_col_offset) = self.pos(range.end());
        Loc { lineno, col_offset, end_lineno, end_col_offset }
    }

    fn text(&self, range: TextRange) -> &'a str {
        self.src.get(range.start().to_usize()..range.end().to_usize()).unwrap_or("")
    }

    /// The first token starting at or after `offset`.
    fn token_from(&self, offset: TextSize) -> Option<&'a Token> {
        let toks: &[Token] = self.tokens;
        let i = toks.partition_point(|t| t.start() < offset);
        toks.get(i)
    }
}

fn ident(id: &Identifier) -> Rc<str> {
    Rc::from(id.id.as_str())
}

fn ctx(c: ruff_python_ast::ExprContext) -> ExprContext {
    match c {
        ruff_python_ast::ExprContext::Store => ExprContext::Store,
        ruff_python_ast::ExprContext::Del => ExprContext::Del,
        ruff_python_ast::ExprContext::Load | ruff_python_ast::ExprContext::Invalid => {
            ExprContext::Load
        }
    }
}
