//! Laying out a formatted number or string within a width: sign, prefix, zero padding with
//! thousands grouping, alignment (mirrors `calc_number_widths`, `fill_number`, `calc_padding`
//! and `_PyUnicode_InsertThousandsGrouping`).

use crate::error::{FormatError, FormatResult, MAX_OUTPUT_LEN};
use crate::spec::{FormatSpec, Grouping};

/// The pieces of a formatted number, before padding.
pub(crate) struct NumberParts<'a> {
    /// Whether the number is negative (its '-' was stripped from `digits`).
    pub negative: bool,
    /// "0x", "0b", "0o" (already upper-cased if needed) or "".
    pub prefix: &'a str,
    /// The integer digits, grouped and zero-padded; empty only for type 'c'.
    pub digits: &'a str,
    /// Whether a decimal point follows the digits.
    pub has_decimal: bool,
    /// Everything after the point (or after the digits if there is none): fraction, exponent, '%'.
    pub remainder: &'a str,
}

/// The separator and group size for a spec (type 'n' uses the C locale: no grouping).
fn separator(spec: &FormatSpec) -> Option<(char, usize)> {
    if spec.ty == 'n' {
        return None;
    }
    match spec.grouping {
        Grouping::None => None,
        Grouping::Comma => Some((',', 3)),
        Grouping::Underscore => Some(('_', 3)),
        Grouping::UnderscoreFour => Some(('_', 4)),
    }
}

fn push_n(out: &mut String, c: char, n: i64) {
    out.extend(std::iter::repeat_n(c, n.max(0) as usize));
}

/// Width of the spec, as CPython's signed `Py_ssize_t` (-1 when absent).
fn width_of(spec: &FormatSpec) -> FormatResult<i64> {
    match spec.width {
        None => Ok(-1),
        Some(w) if w > MAX_OUTPUT_LEN => Err(FormatError::memory()),
        Some(w) => Ok(w as i64),
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: the digits with separators, left-padded with zeros
/// (also grouped) up to `min_width` characters.
fn group_digits(digits: &str, min_width: i64, sep: Option<(char, usize)>) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() + min_width.max(0) as usize);
    let mut end = digits.len();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let mut emit = |rev: &mut Vec<char>, sep_char: Option<char>, n_chars: i64, n_zeros: i64| {
        rev.extend(sep_char);
        let start = end - n_chars as usize;
        rev.extend(digits[start..end].iter().rev());
        end = start;
        rev.extend(std::iter::repeat_n('0', n_zeros.max(0) as usize));
    };
    match sep {
        Some((sep, group)) => {
            let group = group as i64;
            let mut use_sep = false;
            loop {
                let l = group.min(remaining.max(min_width).max(1));
                let n_zeros = (l - remaining).max(0);
                let n_chars = remaining.min(l).max(0);
                emit(&mut rev, use_sep.then_some(sep), n_chars, n_zeros);
                use_sep = true;
                remaining -= n_chars;
                min_width -= l;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let l = remaining.max(min_width).max(1);
            emit(&mut rev, None, remaining, l - remaining);
        }
    }
    rev.iter().rev().collect()
}

/// `calc_number_widths` + `fill_number`: the final text of a number under `spec`.
pub(crate) fn layout_number(spec: &FormatSpec, parts: &NumberParts<'_>) -> FormatResult<String> {
    let width = width_of(spec)?;
    let sign = match spec.sign {
        Some('+') => Some(if parts.negative { '-' } else { '+' }),
        Some(' ') => Some(if parts.negative { '-' } else { ' ' }),
        _ => parts.negative.then_some('-'),
    };
    let non_digits = i64::from(sign.is_some())
        + parts.prefix.chars().count() as i64
        + i64::from(parts.has_decimal)
        + parts.remainder.chars().count() as i64;
    let min_width = if spec.fill == '0' && spec.align == '=' { width - non_digits } else { 0 };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, separator(spec))
    };
    let padding = width - (non_digits + grouped.chars().count() as i64);
    let (mut left, mut inner, mut right) = (0, 0, 0);
    if padding > 0 {
        match spec.align {
            '<' => right = padding,
            '^' => {
                left = padding / 2;
                right = padding - left;
            }
            '=' => inner = padding,
            _ => left = padding,
        }
    }
    let mut out = String::with_capacity(grouped.len() + parts.remainder.len() + padding.max(0) as usize + 4);
    push_n(&mut out, spec.fill, left);
    out.extend(sign);
    out.push_str(parts.prefix);
    push_n(&mut out, spec.fill, inner);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    push_n(&mut out, spec.fill, right);
    Ok(out)
}

/// Splits formatted float text (without sign) into integer digits, whether a point follows,
/// and the remainder (mirrors `parse_number`).
pub(crate) fn split_number(text: &str) -> (&str, bool, &str) {
    let int_len = text.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = text.split_at(int_len);
    match rest.strip_prefix('.') {
        Some(remainder) => (digits, true, remainder),
        None => (digits, false, rest),
    }
}

/// `calc_padding` + `fill_padding`: `text` (of `len` characters) aligned within the spec's width.
pub(crate) fn pad(text: &str, len: usize, spec: &FormatSpec) -> FormatResult<String> {
    let width = width_of(spec)?;
    let total = width.max(len as i64);
    let left = match spec.align {
        '>' => total - len as i64,
        '^' => (total - len as i64) / 2,
        _ => 0,
    };
    let right = total - len as i64 - left;
    let mut out = String::with_capacity(text.len() + (total as usize - len) * spec.fill.len_utf8());
    push_n(&mut out, spec.fill, left);
    out.push_str(text);
    push_n(&mut out, spec.fill, right);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(group_digits("1234567", 0, Some((',', 3))), "1,234,567");
        assert_eq!(group_digits("1234", 10, Some((',', 3))), "00,001,234");
        assert_eq!(group_digits("12", 5, None), "00012");
        assert_eq!(group_digits("ffff1", 0, Some(('_', 4))), "f_fff1");
    }
}
