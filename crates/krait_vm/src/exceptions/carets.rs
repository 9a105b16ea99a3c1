//! The caret line under a traceback's source line (CPython 3.11's `tb_displayline`,
//! `extract_anchors_from_line` and `print_error_location_carets`): `^` under the failing
//! expression's span, `~`/`^` for binary operators and subscripts, nothing when the
//! span covers the whole line. Pure functions over a line and a location.

use krait_syntax::ast::{ExprKind, StmtKind};

/// Indentation of the source line in the printout.
const INDENT: isize = 4;

/// Where the error is, in UTF-8 byte columns as in the location table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start_line: i32,
    pub end_line: i32,
    pub start_col: i32,
    pub end_col: i32,
}

/// The caret line (without newline) for `line` (the full source line without its
/// newline), or `None` when CPython prints none.
pub fn caret_line(line: &str, span: Span) -> Option<String> {
    if span.start_line < 0 || span.end_line < 0 || span.start_col < 0 || span.end_col < 0 {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let indent = chars.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count() as isize;
    let truncation = indent - INDENT;
    let start = byte_to_char_offset(line, span.start_col as usize) as isize;
    let mut end = byte_to_char_offset(line, span.end_col as usize) as isize;
    let mut anchors = None;
    if span.start_line == span.end_line {
        let (s, e) = (start.clamp(0, chars.len() as isize) as usize, end.clamp(0, chars.len() as isize) as usize);
        let segment: String = if s < e { chars[s..e].iter().collect() } else { String::new() };
        anchors = extract_anchors(&segment).map(|a| Anchors {
            left: byte_to_char_offset(&segment, a.left as usize) as isize + start,
            right: byte_to_char_offset(&segment, a.right as usize) as isize + start,
            ..a
        });
    } else {
        // A multi-line span is highlighted up to the last non-blank character.
        end = chars.iter().rposition(|c| !matches!(c, ' ' | '\t' | '\x0c')).map_or(0, |i| i as isize + 1);
    }
    let stripped_len = chars.len() as isize - indent;
    if end - start == stripped_len && anchors.is_none() {
        return None;
    }
    let (primary, secondary) = anchors.map_or(('^', '^'), |a| (a.primary, a.secondary));
    let mut out = String::new();
    let mut offset = truncation;
    while {
        offset += 1;
        offset <= end
    } {
        let c = if offset <= start {
            ' '
        } else if anchors.is_some_and(|a| a.left < offset && offset <= a.right) {
            secondary
        } else {
            primary
        };
        out.push(c);
    }
    Some(out)
}

/// A highlighted sub-range: offsets `left < o <= right` get `secondary`, the rest of
/// the span `primary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Anchors {
    left: isize,
    right: isize,
    primary: char,
    secondary: char,
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`: the number of characters in
/// the first `col` bytes of `s` (a cut character counts as one; `col` is clamped to one
/// past the end, which counts the terminating NUL).
pub fn byte_to_char_offset(s: &str, col: usize) -> usize {
    let bytes = s.as_bytes();
    if col > bytes.len() {
        return s.chars().count() + 1;
    }
    String::from_utf8_lossy(&bytes[..col]).chars().count()
}

/// Parse the failing segment alone; a single expression statement that is a binary
/// operation or a subscript gets anchors (byte offsets within `segment`).
fn extract_anchors(segment: &str) -> Option<Anchors> {
    let krait_syntax::Parsed::Module(m) = krait_syntax::parse(segment, "<string>", krait_syntax::Mode::Exec).ok()? else { return None };
    let [stmt] = m.body.as_slice() else { return None };
    let StmtKind::Expr { value } = &stmt.kind else { return None };
    let seg = segment.as_bytes();
    let ws = |b: u8| matches!(b, b' ' | b'\t' | b'\x0c');
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (from, to) = (left.loc.end_col_offset as usize, right.loc.col_offset as usize);
            let mut found = None;
            let mut i = from;
            while i < to && i < seg.len() {
                if ws(seg[i]) {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if i + 1 < to && !ws(seg[i + 1]) {
                    r += 1;
                }
                found = Some((i, r));
                if i + 1 < to && seg[i] == b')' {
                    i += 1;
                    continue;
                }
                return Some(Anchors { left: i as isize, right: r as isize, primary: '~', secondary: '^' });
            }
            // Ran out of characters while skipping ')': the last anchors found stay,
            // with the default characters.
            found.map(|(l, r)| Anchors { left: l as isize, right: r as isize, primary: '^', secondary: '^' })
        }
        ExprKind::Subscript { value: v, slice, .. } => {
            let mut left = v.loc.end_col_offset as usize;
            let mut right = slice.loc.end_col_offset as usize + 1;
            while left < seg.len() && seg[left] != b'[' {
                left += 1;
            }
            while right < seg.len() && seg[right] != b']' {
                right += 1;
            }
            if right < seg.len() {
                right += 1;
            }
            Some(Anchors { left: left as isize, right: right as isize, primary: '~', secondary: '^' })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The span of `needle` (first occurrence) on a one-line location.
    fn span_of(line: &str, needle: &str) -> Span {
        let s = line.find(needle).expect("needle") as i32;
        Span { start_line: 1, end_line: 1, start_col: s, end_col: s + needle.len() as i32 }
    }

    // Expected lines recorded from CPython 3.11.7 tracebacks.
    #[test]
    fn binary_operator() {
        assert_eq!(caret_line("    return a / b", span_of("    return a / b", "a / b")).as_deref(), Some("           ~~^~~"));
        assert_eq!(caret_line("x = a // b", span_of("x = a // b", "a // b")).as_deref(), Some("        ~~^^~~"));
        assert_eq!(caret_line("x = (a) + b", span_of("x = (a) + b", "(a) + b")).as_deref(), Some("        ~~~~^~~"));
    }

    #[test]
    fn subscript() {
        let line = "    return items[index]";
        assert_eq!(caret_line(line, span_of(line, "items[index]")).as_deref(), Some("           ~~~~~^^^^^^^"));
        let line = "result = matrix[0][1] * 10 + matrix[i][j] * 100";
        assert_eq!(caret_line(line, span_of(line, "matrix[i][j]")).as_deref(), Some("                                 ~~~~~~~~~^^^"));
    }

    #[test]
    fn plain_span_and_whole_line() {
        let line = "print(valeu + 1)";
        assert_eq!(caret_line(line, span_of(line, "valeu")).as_deref(), Some("          ^^^^^"));
        let line = "    check([1, 2])";
        assert_eq!(caret_line(line, span_of(line, "check([1, 2])")), None);
        let line = "    foo()";
        assert_eq!(caret_line(line, Span { start_line: 1, end_line: 1, start_col: -1, end_col: 3 }), None);
    }

    #[test]
    fn multi_line_span() {
        // `f(\n 1)` failing on line 1: highlighted to the end of the first line.
        let line = "x = f(";
        assert_eq!(caret_line(line, Span { start_line: 1, end_line: 2, start_col: 4, end_col: 2 }).as_deref(), Some("        ^^"));
    }

    #[test]
    fn non_ascii_columns_are_bytes() {
        let line = "s = 'é' + 1";
        let start = line.find("'é'").expect("lit") as i32;
        let span = Span { start_line: 1, end_line: 1, start_col: start, end_col: line.len() as i32 };
        assert_eq!(caret_line(line, span).as_deref(), Some("        ~~~~^~~"));
        assert_eq!(byte_to_char_offset("é", 1), 1);
        assert_eq!(byte_to_char_offset("é", 5), 2);
    }
}
