//! `from __future__ import …` detection (CPython's `future.c`).

use crate::syntax_error;
use krait_bytecode::CodeFlags;
use krait_syntax::ast::{Stmt, StmtKind};
use krait_syntax::SyntaxError;

/// The future features of a module and the line of its last future import.
pub(crate) struct Future {
    pub features: u32,
    /// Line of the last `from __future__` statement (-1 if none): later ones are errors.
    pub lineno: i32,
}

/// future_parse
pub(crate) fn parse_future(body: &[Stmt], filename: &str, source: &str) -> Result<Future, SyntaxError> {
    let mut ff = Future { features: 0, lineno: -1 };
    let skip = usize::from(body.first().is_some_and(|s| super::docstring_expr(s).is_some()));
    let mut done = false;
    let mut prev_line = 0;
    for s in &body[skip.min(body.len())..] {
        if done && s.loc.lineno > prev_line {
            break;
        }
        prev_line = s.loc.lineno;
        let names = match &s.kind {
            StmtKind::ImportFrom { module: Some(m), names, .. } if &**m == "__future__" => names,
            _ => {
                done = true;
                continue;
            }
        };
        if done {
            let mut loc = s.loc;
            loc.col_offset = loc.col_offset.saturating_sub(1);
            return Err(syntax_error(
                filename,
                source,
                "from __future__ imports must occur at the beginning of the file",
                loc,
            ));
        }
        for a in names {
            match &*a.name {
                "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
                | "print_function" | "unicode_literals" | "generator_stop" => {}
                "barry_as_FLUFL" => ff.features |= CodeFlags::FUTURE_BARRY_AS_BDFL,
                "annotations" => ff.features |= CodeFlags::FUTURE_ANNOTATIONS,
                "braces" => {
                    let mut loc = s.loc;
                    loc.end_lineno = loc.lineno;
                    loc.end_col_offset = loc.col_offset;
                    return Err(syntax_error(filename, source, "not a chance", loc));
                }
                other => {
                    return Err(syntax_error(filename, source, format!("future feature {other} is not defined"), s.loc))
                }
            }
        }
        ff.lineno = s.loc.lineno as i32;
    }
    Ok(ff)
}
