//! Text payloads of marshal: `surrogatepass` UTF-8, latin-1 ASCII codes, and the textual floats
//! of marshal versions 0 and 1.

use super::error::{ErrorKind, MarshalError, Result};
use crate::surrogate::{self, DecodeError};
use crate::Constant;
use std::rc::Rc;

/// Decodes a `u`/`t` payload as `bytes.decode('utf-8', 'surrogatepass')` would.
pub(crate) fn decode_surrogatepass(bytes: &[u8]) -> Result<Constant> {
    match surrogate::decode_surrogatepass(bytes) {
        Ok(s) => Ok(Constant::Str(Rc::from(s))),
        Err(DecodeError::Invalid { start, end, reason }) => Err(decode_error(bytes, start, end, reason)),
        Err(DecodeError::Unrepresentable) => Err(MarshalError::new(ErrorKind::NotImplementedError, surrogate::UNREPRESENTABLE)),
    }
}

/// The UnicodeDecodeError CPython's utf-8 codec reports for `bytes[start..end]`.
fn decode_error(bytes: &[u8], start: usize, end: usize, reason: &str) -> MarshalError {
    let msg = if end - start == 1 {
        format!("'utf-8' codec can't decode byte 0x{:02x} in position {start}: {reason}", bytes[start])
    } else {
        format!("'utf-8' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    };
    MarshalError::new(ErrorKind::UnicodeDecodeError, msg)
}

/// The str made of these bytes read as latin-1 (CPython builds `a`/`z` strings that way).
pub(crate) fn latin1(bytes: &[u8]) -> Rc<str> {
    if bytes.is_ascii() {
        // ASCII is valid UTF-8; the fallback below never triggers.
        return Rc::from(std::str::from_utf8(bytes).unwrap_or_default());
    }
    bytes.iter().map(|&b| char::from(b)).collect::<String>().into()
}

/// Parses a textual float as `PyOS_string_to_double(s, NULL, NULL)`.
pub(crate) fn parse_float(bytes: &[u8]) -> Result<f64> {
    let text = std::str::from_utf8(bytes).ok().filter(|t| t.is_ascii() && !t.contains('_'));
    text.and_then(|t| t.parse::<f64>().ok()).ok_or_else(|| {
        let shown: String = latin1(bytes).chars().take(200).collect();
        MarshalError::new(ErrorKind::ValueError, format!("could not convert string to float: '{shown}'"))
    })
}

/// `PyOS_double_to_string(v, 'g', 17, 0, NULL)`: `%.17g` with CPython's spellings of inf/nan.
pub(crate) fn format_float_g17(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // `{:.16e}` is exactly rounded to 17 significant digits: "d.dddddddddddddddde<exp>".
    let sci = format!("{:.16e}", v.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if !(-4..17).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{dot}e{esign}{:02}", exp.abs());
    }
    if exp < 0 {
        let zeros = "0".repeat((-exp - 1) as usize);
        return format!("{sign}0.{zeros}{digits}");
    }
    let int_len = exp as usize + 1;
    if digits.len() <= int_len {
        format!("{sign}{digits}{}", "0".repeat(int_len - digits.len()))
    } else {
        format!("{sign}{}.{}", &digits[..int_len], &digits[int_len..])
    }
}
