//! Conversion of ruff's AST to the CPython-shaped AST: shared state and location mapping.

mod args;
mod expr;
mod number;
mod pattern;
mod stmt;
mod strings;
mod surrogates;

use crate::ast::{ExprContext, Loc};
use ruff_python_ast::token::{Token, Tokens};
use ruff_python_ast::Identifier;
use ruff_text_size::{Ranged, TextRange, TextSize};
use hashbrown::HashSet;
use std::cell::Cell;
use std::rc::Rc;

/// Byte offsets of line starts, to turn ruff's byte offsets into CPython's (line, column).
pub(crate) struct LineIndex {
    starts: Vec<u32>,
    /// 0-based line of the last lookup: locations come in source order, so most lookups
    /// fall on the same line as the one before.
    last: Cell<usize>,
}

impl LineIndex {
    /// Lines end at `\n` only: the caller has already translated `\r\n` and `\r`.
    pub(crate) fn new(src: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(src.len() / 32 + 1);
        starts.push(0u32);
        starts.extend(src.match_indices('\n').map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)));
        LineIndex { starts, last: Cell::new(0) }
    }

    /// 1-based line and 0-based byte column of `offset`.
    pub(crate) fn line_col(&self, offset: u32) -> (u32, u32) {
        let last = self.last.get();
        let on_last = self.starts.get(last).is_some_and(|&s| s <= offset)
            && self.starts.get(last + 1).is_none_or(|&next| offset < next);
        let line = if on_last { last + 1 } else { self.starts.partition_point(|&s| s <= offset).max(1) };
        self.last.set(line - 1);
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
    /// Identifiers seen so far: each distinct name is allocated once.
    names: HashSet<Rc<str>>,
    /// The first string literal holding a U+10F000..U+10F7FF character (see surrogates.rs).
    pub(crate) unrepresentable: Option<TextRange>,
}

impl<'a> Converter<'a> {
    pub(crate) fn new(src: &'a str, lines: &'a LineIndex, tokens: &'a Tokens) -> Self {
        Converter { src, lines, tokens, names: HashSet::new(), unrepresentable: None }
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

    /// An identifier as a shared string (interned per conversion).
    fn name(&mut self, s: &str) -> Rc<str> {
        if let Some(n) = self.names.get(s) {
            return n.clone();
        }
        let n: Rc<str> = Rc::from(s);
        self.names.insert(n.clone());
        n
    }

    fn ident(&mut self, id: &Identifier) -> Rc<str> {
        self.name(id.id.as_str())
    }

    /// The first token starting at or after `offset`.
    fn token_from(&self, offset: TextSize) -> Option<&'a Token> {
        let toks: &[Token] = self.tokens;
        let i = toks.partition_point(|t| t.start() < offset);
        toks.get(i)
    }
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
