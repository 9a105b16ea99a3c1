//! `int(str, base)`: text to int as `PyLong_FromUnicodeObject` / `PyLong_FromString` accept it
//! (whitespace, sign, base prefixes, PEP 515 underscores, Unicode digits, the int/str digit
//! limit).

use num_bigint::BigInt;

use crate::error::{FormatError, FormatResult};
use crate::int_str::{str_to_int_limit_error, STR_DIGITS_CHECK_THRESHOLD};
use crate::parse_float::is_ascii_space;
use crate::unicode::to_ascii_number_text;

/// `int(text, base)` for a str. `base` is 0 or 2..=36 (else ValueError "int() base must be >= 2
/// and <= 36, or 0"); `max_str_digits` is `sys.get_int_max_str_digits()` (0: no limit), which
/// bases other than 2, 4, 8, 16, 32 obey.
///
/// `Ok(None)` means an invalid literal: the caller raises ValueError
/// "invalid literal for int() with base {base}: {repr(text) cut to 200 chars}".
pub fn parse_int(text: &str, base: u32, max_str_digits: usize) -> FormatResult<Option<BigInt>> {
    if base == 1 || base > 36 {
        return Err(FormatError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let ascii = to_ascii_number_text(text);
    let b = ascii.as_bytes();
    let mut i = b.iter().take_while(|&&c| is_ascii_space(c)).count();
    let mut negative = false;
    match b.get(i) {
        Some(b'+') => i += 1,
        Some(b'-') => {
            negative = true;
            i += 1;
        }
        _ => {}
    }
    let prefix_base = |c: Option<&u8>| match c.map(u8::to_ascii_lowercase) {
        Some(b'x') => Some(16),
        Some(b'o') => Some(8),
        Some(b'b') => Some(2),
        _ => None,
    };
    let mut base = base;
    let mut only_zero = false;
    if base == 0 {
        base = if b.get(i) != Some(&b'0') {
            10
        } else if let Some(p) = prefix_base(b.get(i + 1)) {
            p
        } else {
            // A C-style octal literal such as "010" is invalid, but zero is fine.
            only_zero = true;
            10
        };
    }
    if b.get(i) == Some(&b'0') && prefix_base(b.get(i + 1)) == Some(base) {
        i += 2;
        if b.get(i) == Some(&b'_') {
            i += 1;
        }
    }
    if b.get(i) == Some(&b'_') {
        return Ok(None);
    }
    // The run of digits and single underscores.
    let mut digits = String::new();
    let mut prev = 0u8;
    while let Some(&c) = b.get(i) {
        if c == b'_' {
            if prev == b'_' {
                return Ok(None);
            }
        } else if (c as char).is_digit(base) {
            digits.push(c as char);
        } else {
            break;
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Ok(None);
    }
    let power_of_two = base & (base - 1) == 0;
    if !power_of_two && digits.len() > STR_DIGITS_CHECK_THRESHOLD && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(str_to_int_limit_error(max_str_digits, digits.len()));
    }
    if digits.is_empty() || (only_zero && digits.bytes().any(|d| d != b'0')) {
        return Ok(None);
    }
    if b[i..].iter().any(|&c| !is_ascii_space(c)) {
        return Ok(None);
    }
    let Some(value) = BigInt::parse_bytes(digits.as_bytes(), base) else { return Ok(None) };
    Ok(Some(if negative { -value } else { value }))
}
