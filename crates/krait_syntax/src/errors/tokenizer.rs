//! Errors CPython's tokenizer raises: brackets, indentation (TabError, bad dedent), numeric
//! literals, unterminated strings, invalid characters.

use super::Found;
use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::Ranged;

/// The first bracket error in the token stream (tokenizer.c: `unmatched`, `does not match`,
/// `was never closed`).
pub(super) fn brackets(src: &str, tokens: &[Token], line_of: impl Fn(u32) -> u32) -> Option<Found> {
    let mut stack: Vec<(char, u32)> = Vec::new();
    for t in tokens {
        let open = match t.kind() {
            TokenKind::Lpar => Some('('),
            TokenKind::Lsqb => Some('['),
            TokenKind::Lbrace => Some('{'),
            _ => None,
        };
        if let Some(c) = open {
            stack.push((c, t.start().to_u32()));
            continue;
        }
        let close = match t.kind() {
            TokenKind::Rpar => '(',
            TokenKind::Rsqb => '[',
            TokenKind::Rbrace => '{',
            _ => continue,
        };
        let at = t.start().to_u32();
        let closer = src[at as usize..].chars().next().unwrap_or(')');
        match stack.pop() {
            None => return Some(Found::new("SyntaxError", format!("unmatched '{closer}'"), at, at)),
            Some((open, open_at)) if open != close => {
                let msg = if line_of(open_at) == line_of(at) {
                    format!("closing parenthesis '{closer}' does not match opening parenthesis '{open}'")
                } else {
                    format!(
                        "closing parenthesis '{closer}' does not match opening parenthesis '{open}' on line {}",
                        line_of(open_at)
                    )
                };
                return Some(Found::new("SyntaxError", msg, at, at));
            }
            Some(_) => {}
        }
    }
    let (open, at) = stack.pop()?;
    let mut f = Found::new("SyntaxError", format!("'{open}' was never closed"), at, at);
    f.at_eof = true;
    f.end_offset_zero = true;
    Some(f)
}

/// Indentation checks of tokenizer.c `tok_get`: tabs count to 8 columns (`col`) and to 1
/// (`altcol`); the two must agree (TabError), and a dedent must return to an outer level.
/// Only the first token of each logical line is looked at.
pub(super) fn indentation(src: &str, tokens: &[Token]) -> Option<Found> {
    let mut stack: Vec<(u32, u32)> = vec![(0, 0)];
    let mut at_line_start = true;
    for t in tokens {
        match t.kind() {
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent => {
                at_line_start = true;
                continue;
            }
            TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::EndOfFile => continue,
            _ if !at_line_start => continue,
            _ => at_line_start = false,
        }
        let at = t.start().to_usize();
        let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
        let (mut col, mut altcol) = (0u32, 0u32);
        for c in src[line_start..at].chars() {
            match c {
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                '\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => {
                    col += 1;
                    altcol += 1;
                }
            }
        }
        let line_start = u32::try_from(line_start).unwrap_or(0);
        let (top, alttop) = stack.last().copied().unwrap_or((0, 0));
        if col == top {
            if altcol != alttop {
                return Some(tab_error(line_start));
            }
        } else if col > top {
            if altcol <= alttop {
                return Some(tab_error(line_start));
            }
            stack.push((col, altcol));
        } else {
            while stack.len() > 1 && col < stack.last().map_or(0, |s| s.0) {
                stack.pop();
            }
            let (top, alttop) = stack.last().copied().unwrap_or((0, 0));
            if col != top {
                return Some(bad_dedent(src, line_start as usize));
            }
            if altcol != alttop {
                return Some(tab_error(line_start));
            }
        }
    }
    None
}

/// `E_DEDENT`, reported with the offset just past the end of the line.
fn bad_dedent(src: &str, line_start: usize) -> Found {
    let line = &src[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let start = u32::try_from(line_start).unwrap_or(0);
    let mut f = Found::new("IndentationError", "unindent does not match any outer indentation level", start, start);
    f.offset_override = Some(u32::try_from(line.chars().count()).unwrap_or(0) + 1);
    f.end_offset_zero = true;
    f
}

fn tab_error(line_start: u32) -> Found {
    let mut f = Found::new("TabError", "inconsistent use of tabs and spaces in indentation", line_start, line_start);
    f.end_offset_zero = true;
    f
}

/// Numeric literals directly followed by a name character (tokenizer.c `verify_end_of_number`).
pub(super) fn number_suffixes(src: &str, tokens: &[Token]) -> Option<Found> {
    for t in tokens {
        if !matches!(t.kind(), TokenKind::Int | TokenKind::Float | TokenKind::Complex) {
            continue;
        }
        let end = t.end().to_usize();
        let Some(next) = src[end..].chars().next() else { continue };
        if !(next.is_alphanumeric() || next == '_') {
            continue;
        }
        let text = &src[t.start().to_usize()..end];
        let at = if next == '_' { end } else { t.start().to_usize() };
        let at = u32::try_from(at).unwrap_or(0);
        return Some(Found::new("SyntaxError", format!("invalid {} literal", number_kind(text)), at, at));
    }
    None
}

fn number_kind(text: &str) -> &'static str {
    match text.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("0x") => "hexadecimal",
        Some("0o") => "octal",
        Some("0b") => "binary",
        _ => "decimal",
    }
}

/// A lexical error ruff reports, worded as CPython's tokenizer words it.
pub(super) fn lexical(src: &str, e: &ParseError, line_count: u32) -> Option<Found> {
    let at = e.location.start().to_u32();
    let text = &src[at as usize..];
    let lex = match &e.error {
        ParseErrorType::Lexical(l) => l,
        _ => return None,
    };
    Some(match lex {
        LexicalErrorType::UnclosedStringError => {
            let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            if body.starts_with("'''") || body.starts_with("\"\"\"") {
                Found::new("SyntaxError", format!("unterminated triple-quoted string literal (detected at line {line_count})"), at, at)
            } else {
                let line = src[..at as usize].matches('\n').count() + 1;
                Found::new("SyntaxError", format!("unterminated string literal (detected at line {line})"), at, at)
            }
        }
        LexicalErrorType::UnrecognizedToken { tok } if !tok.is_ascii() => {
            let msg = if crate::unicode::is_printable(*tok) {
                format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", *tok as u32)
            };
            Found::new("SyntaxError", msg, at, at)
        }
        LexicalErrorType::InvalidByteLiteral => {
            // Reported at the start of the bytes literal.
            let start = src[..at as usize].rfind(['b', 'B']).map_or(at, |i| u32::try_from(i).unwrap_or(at));
            Found::new("SyntaxError", "bytes can only contain ASCII literal characters", start, at)
        }
        LexicalErrorType::IndentationError => bad_dedent(src, src[..at as usize].rfind('\n').map_or(0, |i| i + 1)),
        LexicalErrorType::OtherError(_) => number_error(text, at)?,
        _ => return None,
    })
}

/// Bad digits in a numeric literal starting at `at` (tokenizer.c `tok_decimal_tail` and friends).
fn number_error(text: &str, at: u32) -> Option<Found> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'0') {
        return None;
    }
    let radix = match bytes.get(1).map(u8::to_ascii_lowercase) {
        Some(b'x') => Some((16, "hexadecimal")),
        Some(b'o') => Some((8, "octal")),
        Some(b'b') => Some((2, "binary")),
        _ => None,
    };
    match radix {
        Some((radix, name)) => {
            let digits = &text[2..];
            let first_bad = digits.char_indices().find(|&(_, c)| c != '_' && !c.is_digit(radix));
            let (pos, msg) = match first_bad {
                Some((i, c)) if c.is_ascii_digit() => {
                    (at + 2 + u32::try_from(i).unwrap_or(0), format!("invalid digit '{c}' in {name} literal"))
                }
                _ => (at + 1, format!("invalid {name} literal")),
            };
            Some(Found::new("SyntaxError", msg, pos, pos))
        }
        None => Some(Found::new(
            "SyntaxError",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            at,
            at + 1,
        )),
    }
}
