//! ruff's parse errors → CPython 3.11's SyntaxError (message, location, text).

use crate::ast::{Stmt, StmtKind};
use crate::convert::LineIndex;
use crate::SyntaxError;
use ruff_python_ast::Mod;
use ruff_python_parser::Parsed;
use ruff_text_size::{Ranged, TextRange};

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

/// The SyntaxError CPython would raise for this parse, if any.
pub(crate) fn first_error(src: &str, lines: &LineIndex, parsed: &Parsed<Mod>, filename: &str) -> Option<SyntaxError> {
    let b = ErrorBuilder { src, lines, filename };
    if let Some(e) = parsed.errors().iter().min_by_key(|e| e.location.start()) {
        return Some(b.at("SyntaxError", "invalid syntax", e.location.start().to_u32(), e.location.end().to_u32()));
    }
    let e = parsed.unsupported_syntax_errors().iter().min_by_key(|e| e.range.start())?;
    let r: TextRange = e.range();
    Some(b.at("SyntaxError", "invalid syntax", r.start().to_u32(), r.end().to_u32()))
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
