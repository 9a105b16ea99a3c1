//! ruff's parse errors → CPython 3.11's SyntaxError (message, location, text).

mod names;
mod parser;
mod source;
mod tokenizer;

use crate::ast::{Stmt, StmtKind};
use crate::convert::LineIndex;
use crate::SyntaxError;
use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::Mod;
use ruff_python_parser::{Parsed, UnsupportedSyntaxError, UnsupportedSyntaxErrorKind};
use ruff_text_size::Ranged;

/// Builds SyntaxErrors located in one source.
pub(crate) struct ErrorBuilder<'a> {
    pub(crate) src: &'a str,
    pub(crate) lines: &'a LineIndex,
    pub(crate) filename: &'a str,
}

impl ErrorBuilder<'_> {
    /// A SyntaxError spanning byte offsets `start..end`; the offsets become CPython's 1-based
    /// character columns and `text` is the line holding `start`.
    pub(crate) fn at(&self, kind: &'static str, msg: impl Into<String>, start: u32, end: u32) -> SyntaxError {
        let (lineno, offset) = self.char_pos(start);
        let (end_lineno, end_offset) = self.char_pos(end.max(start));
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno,
            offset,
            text: self.line_text(lineno),
            end_lineno,
            end_offset,
        }
    }

    /// 1-based line and 1-based character column of a byte offset.
    fn char_pos(&self, offset: u32) -> (u32, u32) {
        let (line, col) = self.lines.line_col(offset);
        let start = self.lines.line_start(line).unwrap_or(0) as usize;
        let prefix = self.src.get(start..start + col as usize).unwrap_or("");
        (line, u32::try_from(prefix.chars().count()).unwrap_or(u32::MAX) + 1)
    }

    /// The text of 1-based `line` with its newline, as `SyntaxError.text`.
    pub(crate) fn line_text(&self, line: u32) -> Option<String> {
        let start = self.lines.line_start(line)? as usize;
        let rest = self.src.get(start..)?;
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        Some(rest[..end].to_string())
    }
}

/// A located error before it becomes a [`SyntaxError`]: byte offsets into the source.
pub(crate) struct Found {
    kind: &'static str,
    msg: String,
    start: u32,
    end: u32,
    /// CPython's generic "invalid syntax", which a later tokenizer error replaces.
    generic: bool,
    /// Detected at the end of the input (unclosed brackets).
    at_eof: bool,
    /// CPython gives `end_offset` 0 (or -1, shown as 0 here) for this error.
    end_offset_zero: bool,
    /// An `offset` CPython computes other than from `start`.
    offset_override: Option<u32>,
}

impl Found {
    pub(crate) fn new(kind: &'static str, msg: impl Into<String>, start: u32, end: u32) -> Found {
        Found { kind, msg: msg.into(), start, end, generic: false, at_eof: false, end_offset_zero: false, offset_override: None }
    }

    fn position(&self, src_len: u32) -> u32 {
        if self.at_eof {
            src_len
        } else {
            self.start
        }
    }
}

/// The source, its tokens and ruff's recovered tree, for locating errors.
pub(crate) struct Source<'a> {
    pub(crate) src: &'a str,
    tokens: &'a [Token],
    tree: &'a Mod,
    lines: &'a LineIndex,
}

/// The SyntaxError CPython would raise for this parse, if any: the parser's error, unless the
/// tokenizer fails first (or, for a generic "invalid syntax", anywhere in the source:
/// pegen.c `_PyPegen_tokenize_full_source_to_check_for_errors`).
pub(crate) fn first_error(src: &str, lines: &LineIndex, parsed: &Parsed<Mod>, filename: &str) -> Option<SyntaxError> {
    let s = Source { src, tokens: parsed.tokens(), tree: parsed.syntax(), lines };
    let line_count = || u32::try_from(src.matches('\n').count()).unwrap_or(0) + u32::from(!src.ends_with('\n') && !src.is_empty());
    let mut tok_errors: Vec<Found> = Vec::new();
    tok_errors.extend(tokenizer::brackets(src, s.tokens, |o| lines.line_col(o).0));
    tok_errors.extend(tokenizer::indentation(src, s.tokens));
    tok_errors.extend(tokenizer::number_suffixes(src, s.tokens));
    let mut parse_errors: Vec<&ruff_python_parser::ParseError> = parsed.errors().iter().collect();
    parse_errors.sort_by_key(|e| e.location.start());
    let mut parser_error = None;
    for e in parse_errors {
        if let Some(t) = tokenizer::lexical(src, e, line_count().max(1)) {
            tok_errors.push(t);
        } else if parser_error.is_none() {
            parser_error = Some(parser::map(&s, e));
        }
    }
    if parser_error.is_none() {
        parser_error = parsed.unsupported_syntax_errors().iter().min_by_key(|e| e.range.start()).map(|e| unsupported(&s, e));
    }
    let src_len = u32::try_from(src.len()).unwrap_or(u32::MAX);
    let tok_error = tok_errors.into_iter().min_by_key(|f| f.position(src_len));
    let found = match (tok_error, parser_error) {
        (Some(t), Some(p)) if t.position(src_len) <= p.start || p.generic => t,
        (_, Some(p)) => p,
        (Some(t), None) => t,
        (None, None) => return None,
    };
    let b = ErrorBuilder { src, lines, filename };
    let mut err = b.at(found.kind, found.msg, found.start, found.end);
    if let Some(o) = found.offset_override {
        err.offset = o;
    }
    if found.end_offset_zero {
        err.end_lineno = err.lineno;
        err.end_offset = 0;
    }
    Some(err)
}

/// Syntax newer than 3.11 that ruff parses but reports as unsupported.
fn unsupported(s: &Source, e: &UnsupportedSyntaxError) -> Found {
    let (at, end) = (e.range.start().to_u32(), e.range.end().to_u32());
    match e.kind {
        UnsupportedSyntaxErrorKind::TypeAliasStatement => {
            // `type` is read as a name; the parser fails at the next token.
            let next = s.token_from(at).and_then(|t| s.token_from(t.end().to_u32()));
            let (a, b) = next.map_or((at, end), |t| (t.start().to_u32(), t.end().to_u32()));
            let mut f = Found::new("SyntaxError", "invalid syntax", a, b);
            f.generic = true;
            f
        }
        UnsupportedSyntaxErrorKind::TypeParameterList if s.tokens_before(at).last().is_some_and(|t| {
            s.tokens_before(t.start().to_u32()).last().is_some_and(|d| d.kind() == TokenKind::Def)
        }) =>
        {
            Found::new("SyntaxError", "expected '('", at, at + 1)
        }
        _ => {
            let mut f = Found::new("SyntaxError", "invalid syntax", at, end);
            f.generic = true;
            f
        }
    }
}

/// Mode `single` takes one statement: a compound statement or one line of simple ones
/// (pegen.c `bad_single_statement`).
pub(crate) fn check_single(src: &str, lines: &LineIndex, body: &[Stmt], filename: &str) -> Result<(), SyntaxError> {
    let Some((first, rest)) = body.split_first() else {
        return Ok(());
    };
    let compound = |s: &Stmt| {
        matches!(
            s.kind,
            StmtKind::FunctionDef(_)
                | StmtKind::AsyncFunctionDef(_)
                | StmtKind::ClassDef(_)
                | StmtKind::For(_)
                | StmtKind::AsyncFor(_)
                | StmtKind::While { .. }
                | StmtKind::If { .. }
                | StmtKind::With(_)
                | StmtKind::AsyncWith(_)
                | StmtKind::Match { .. }
                | StmtKind::Try(_)
                | StmtKind::TryStar(_)
        )
    };
    let ok = rest.is_empty() || (!compound(first) && rest.iter().all(|s| !compound(s) && s.loc.lineno == first.loc.lineno));
    if ok {
        return Ok(());
    }
    let b = ErrorBuilder { src, lines, filename };
    let start = lines.line_start(first.loc.lineno).unwrap_or(0) + first.loc.col_offset;
    Err(b.at("SyntaxError", "multiple statements found while compiling a single statement", start, start))
}
