//! ruff's parse errors worded and located as CPython 3.11's parser reports them (the
//! `invalid_*` rules of python.gram and pegen_errors.c).

use super::names::{expr_name, find_expr, invalid_target};
use super::{Found, Source};
use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::Expr;
use ruff_python_parser::{InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange};

fn generic(at: u32, end: u32) -> Found {
    let mut f = Found::new("SyntaxError", "invalid syntax", at, end);
    f.generic = true;
    f
}

/// CPython's SyntaxError for ruff's parse error `e`.
pub(super) fn map(s: &Source, e: &ParseError) -> Found {
    let (at, end) = (e.location.start().to_u32(), e.location.end().to_u32());
    let msg = |m: &str| Found::new("SyntaxError", m, at, end);
    match &e.error {
        ParseErrorType::OtherError(m) => other(s, m, at, end),
        ParseErrorType::ExpectedToken { expected, found } => expected_token(s, *expected, *found, at, end),
        ParseErrorType::SimpleStatementsOnSameLine => legacy_print(s, at).unwrap_or_else(|| generic(at, end)),
        ParseErrorType::InvalidAssignmentTarget => assignment_target(s, e.location),
        ParseErrorType::InvalidNamedAssignmentTarget => {
            let name = find_expr(s.tree, e.location).map_or("expression", expr_name);
            msg(&format!("cannot use assignment expressions with {name}"))
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => match find_expr(s.tree, e.location) {
            Some(x @ (Expr::Tuple(_) | Expr::List(_))) => {
                msg(&format!("only single target (not {}) can be annotated", expr_name(x)))
            }
            _ => msg("illegal target for annotation"),
        },
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let name = find_expr(s.tree, e.location).map_or("expression", expr_name);
            msg(&format!("'{name}' is an illegal expression for augmented assignment"))
        }
        ParseErrorType::InvalidDeleteTarget => {
            let whole = find_expr(s.tree, e.location);
            let bad = whole.and_then(invalid_target).or(whole);
            let r = bad.map_or(e.location, Ranged::range);
            Found::new("SyntaxError", format!("cannot delete {}", bad.map_or("expression", expr_name)), r.start().to_u32(), r.end().to_u32())
        }
        ParseErrorType::PositionalAfterKeywordArgument => at_closer(s, at, "positional argument follows keyword argument"),
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            at_closer(s, at, "positional argument follows keyword argument unpacking")
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => msg("iterable argument unpacking follows keyword argument unpacking"),
        ParseErrorType::NonDefaultParamAfterDefaultParam => msg("non-default argument follows default argument"),
        ParseErrorType::ParamAfterVarKeywordParam => msg("arguments cannot follow var-keyword argument"),
        ParseErrorType::ExpectedKeywordParam => {
            let star = s.tokens_before(at).iter().rev().find(|t| t.kind() == TokenKind::Star);
            let at = star.map_or(at, |t| t.start().to_u32());
            Found::new("SyntaxError", "named arguments must follow bare *", at, at + 1)
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => msg("Generator expression must be parenthesized"),
        ParseErrorType::UnexpectedIndentation => {
            let mut f = Found::new("IndentationError", "unexpected indent", at, at);
            let indent = s.src.get(at as usize..).map_or(0, |r| r.len() - r.trim_start_matches([' ', '\t', '\x0c']).len());
            f.offset_override = Some(s.column(at) + u32::try_from(indent).unwrap_or(0));
            f.end_offset_zero = true;
            f
        }
        ParseErrorType::ExpectedExpression => empty_fstring_field(s, at).unwrap_or_else(|| generic(at, end)),
        ParseErrorType::FStringError(kind) | ParseErrorType::Lexical(LexicalErrorType::FStringError(kind)) => {
            fstring_error(s, kind, at)
        }
        _ => generic(at, end),
    }
}

fn other(s: &Source, m: &str, at: u32, end: u32) -> Found {
    if let Some(what) = m.strip_prefix("Expected an indented block after ") {
        let what = match what {
            "function definition" => what.to_string(),
            "`class` definition" => "class definition".to_string(),
            other => {
                let kw = other.split('`').nth(1).unwrap_or(other);
                let kw = if kw == "except" && s.header_is_except_star(at) { "except*" } else { kw };
                format!("'{kw}' statement")
            }
        };
        let line = s.header_line(at);
        let first_end = s.token_from(at).map_or(at, |t| t.end().to_u32());
        return Found::new("IndentationError", format!("expected an indented block after {what} on line {line}"), at, first_end);
    }
    if m.starts_with("Expected `except` or `finally`") {
        let at = s.clamp_to_content(at);
        let end = s.token_from(at).filter(|t| t.start().to_u32() == at && !is_layout(t)).map_or(at, |t| t.end().to_u32());
        return Found::new("SyntaxError", "expected 'except' or 'finally' block", at, end);
    }
    generic(at, end)
}

fn is_layout(t: &Token) -> bool {
    matches!(
        t.kind(),
        TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile
    )
}

fn expected_token(s: &Source, expected: TokenKind, found: TokenKind, at: u32, end: u32) -> Found {
    match (expected, found) {
        (TokenKind::Colon, TokenKind::Newline) => Found::new("SyntaxError", "expected ':'", at, at),
        (TokenKind::Colon, TokenKind::Equal) => {
            let start = s.logical_line_start(at);
            let start = s.token_from(start).and_then(|kw| s.token_from(kw.end().to_u32())).map_or(at, |t| t.start().to_u32());
            let value_end = s.element_end(at);
            Found::new("SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", start, value_end)
        }
        (TokenKind::Colon, _) if s.innermost_open(at) == Some(TokenKind::Lbrace) => {
            // Reported at the last character of the key (`invalid_kvpair`).
            let key_end = s.tokens_before(at).last().map_or(at, |t| t.end().to_u32());
            let mut f = Found::new("SyntaxError", "':' expected after dictionary key", key_end - 1, key_end - 1);
            f.end_offset_zero = true;
            f
        }
        (TokenKind::Comma, _) if s.innermost_open(at).is_some() && !s.in_def_parameters(at) => {
            let start = s.element_start(at);
            Found::new("SyntaxError", "invalid syntax. Perhaps you forgot a comma?", start, s.element_end(at))
        }
        (TokenKind::Else, _) => {
            let start = s.element_start(at);
            Found::new("SyntaxError", "expected 'else' after 'if' expression", start, at)
        }
        _ => generic(at, end),
    }
}

/// `print x` / `exec x` (pegen.c `_PyPegen_check_legacy_stmt`).
fn legacy_print(s: &Source, at: u32) -> Option<Found> {
    let start = s.logical_line_start(at);
    let first = s.token_from(start)?;
    let name = s.text(first.range());
    if first.kind() != TokenKind::Name || !matches!(name, "print" | "exec") || first.end().to_u32() > at {
        return None;
    }
    let next = s.token_from(first.end().to_u32())?;
    if next.start().to_u32() != at {
        return None;
    }
    let end = s.line_content_end(at);
    Some(Found::new("SyntaxError", format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"), start, end))
}

/// `invalid_assignment` / `invalid_named_expression` / `invalid_for_target` / `invalid_with_item`.
fn assignment_target(s: &Source, range: TextRange) -> Found {
    let (at, end) = (range.start().to_u32(), range.end().to_u32());
    let Some(target) = find_expr(s.tree, range) else {
        return generic(at, end);
    };
    let next_is_eq = s.token_from(range.end().to_u32()).is_some_and(|t| t.kind() == TokenKind::Equal);
    if next_is_eq && matches!(target, Expr::Yield(_) | Expr::YieldFrom(_)) {
        return Found::new("SyntaxError", "assignment to yield expression not possible", at, end);
    }
    let excluded = matches!(
        target,
        Expr::Name(_) | Expr::Tuple(_) | Expr::List(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_)
    );
    if next_is_eq && !excluded && s.logical_line_start(at) == at && s.equals_in_line(at) == 1 {
        let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(target));
        return Found::new("SyntaxError", msg, at, end);
    }
    let bad = invalid_target(target).unwrap_or(target);
    let r = bad.range();
    Found::new("SyntaxError", format!("cannot assign to {}", expr_name(bad)), r.start().to_u32(), r.end().to_u32())
}

/// Errors CPython raises without a known location sit at the last token read: the `)` that
/// closes the call.
fn at_closer(s: &Source, at: u32, msg: &str) -> Found {
    let closer = s.closer_after(at).unwrap_or(at);
    Found::new("SyntaxError", msg, closer, closer + 1)
}

/// `f"{}"`: an f-string replacement field with no expression.
fn empty_fstring_field(s: &Source, at: u32) -> Option<Found> {
    let before = s.src.get(..at as usize)?.trim_end();
    let after = s.src.get(at as usize..)?.trim_start();
    if before.ends_with('{') && after.starts_with(['}', '!', ':', '=']) && s.fstring_end(at).is_some() {
        return Some(fstring_error_at(s, "f-string: empty expression not allowed", at));
    }
    None
}

fn fstring_error(s: &Source, kind: &InterpolatedStringErrorType, at: u32) -> Found {
    let msg = match kind {
        InterpolatedStringErrorType::InvalidConversionFlag
        | InterpolatedStringErrorType::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed",
        InterpolatedStringErrorType::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses"
        }
        _ => "f-string: expecting '}'",
    };
    fstring_error_at(s, msg, at)
}

/// CPython 3.11 reports f-string errors just past the string token.
fn fstring_error_at(s: &Source, msg: &str, at: u32) -> Found {
    let end = s.fstring_end(at).unwrap_or(at);
    Found::new("SyntaxError", msg, end, end)
}
