//! `float(str)`: text to double as `PyFloat_FromString` accepts it (whitespace, PEP 515
//! underscores, inf/infinity/nan, Unicode digits), correctly rounded.

use crate::unicode::to_ascii_number_text;

/// `Py_ISSPACE`: the ASCII whitespace CPython strips around numbers.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `_Py_string_to_number_with_underscores`: removes underscores, each of which must sit
/// between two digits. `None` if one does not.
pub(crate) fn remove_underscores(text: &str) -> Option<String> {
    if !text.contains('_') {
        return Some(text.to_owned());
    }
    let mut out = String::with_capacity(text.len());
    let mut prev = '\0';
    for c in text.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != '_').then_some(out)
}

/// Trims `Py_ISSPACE` characters from both ends.
pub(crate) fn trim_ascii_space(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_ascii() && is_ascii_space(c as u8))
}

/// `float(text)` for a str: the value, or `None` where CPython raises
/// "could not convert string to float: ..." (the caller words that error with `repr(text)`).
/// Surrounding whitespace (any Unicode space) is allowed, as are Unicode decimal digits.
pub fn parse_float(text: &str) -> Option<f64> {
    let ascii = to_ascii_number_text(text);
    let cleaned = remove_underscores(&ascii)?;
    parse_float_ascii(trim_ascii_space(&cleaned))
}

/// `_PyOS_ascii_strtod` over a whole string: decimal notation or inf/infinity/nan, with an
/// optional sign, nothing else.
fn parse_float_ascii(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let special = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    if !is_decimal_literal(body.as_bytes()) {
        return None;
    }
    // The grammar was checked; Rust's parser is correctly rounded and saturates huge exponents.
    let v: f64 = body.parse().ok()?;
    Some(if negative { -v } else { v })
}

/// `digits [. [digits]] | . digits`, then optionally `(e|E) [+|-] digits`.
fn is_decimal_literal(b: &[u8]) -> bool {
    let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    let int_digits = digits(i);
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = digits(i);
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = digits(i);
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == b.len()
}
