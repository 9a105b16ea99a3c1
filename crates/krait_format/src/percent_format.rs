//! printf-style (`str % args`) conversions of one value: `formatlong` / `_PyUnicode_FormatLong`,
//! `formatfloat`, `formatchar`, and the padding of `unicode_format_arg_output`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::error::{FormatError, FormatResult, MAX_OUTPUT_LEN};
use crate::float_to_string::{double_to_string, DtoaFlags};
use crate::int_str::{int_to_decimal, int_to_str_radix};
use crate::percent_parse::{Count, PercentSpec};

fn given(count: Count) -> Option<usize> {
    match count {
        Count::Given(n) => Some(n),
        _ => None,
    }
}

/// `%d %i %u %o %x %X` of an int (the caller converts other numbers with `int()` or raises the
/// TypeError first). `max_str_digits` is `sys.get_int_max_str_digits()` (0: no limit).
pub fn percent_format_int(value: &BigInt, spec: &PercentSpec, max_str_digits: usize) -> FormatResult<String> {
    let precision = given(spec.precision);
    if precision.is_some_and(|p| p > i32::MAX as usize - 3) {
        return Err(FormatError::overflow("precision too large"));
    }
    let (prefix, mut digits) = match spec.conversion {
        'o' => ("0o", int_to_str_radix(&value.abs(), 8)),
        'x' => ("0x", int_to_str_radix(&value.abs(), 16)),
        'X' => ("0X", int_to_str_radix(&value.abs(), 16).to_ascii_uppercase()),
        _ => ("", int_to_decimal(&value.abs(), max_str_digits)?),
    };
    let zeros = precision.unwrap_or(0).saturating_sub(digits.len());
    if zeros > MAX_OUTPUT_LEN {
        return Err(FormatError::memory());
    }
    if zeros > 0 {
        digits.insert_str(0, &"0".repeat(zeros));
    }
    let mut text = String::with_capacity(digits.len() + 3);
    if value.is_negative() {
        text.push('-');
    }
    if spec.flags.alt {
        text.push_str(prefix);
    }
    text.push_str(&digits);
    output(&text, spec, true)
}

/// `%e %E %f %F %g %G` of a float (the caller converts ints and other numbers with `float()`).
pub fn percent_format_float(value: f64, spec: &PercentSpec) -> FormatResult<String> {
    let precision = given(spec.precision).unwrap_or(6);
    let flags = DtoaFlags { alt: spec.flags.alt, ..DtoaFlags::default() };
    let text = double_to_string(value, spec.conversion, precision, flags)?;
    output(&text, spec, true)
}

/// `%c` of an int: OverflowError "%c arg not in range(0x110000)" outside the Unicode range.
/// (For a str argument of length 1, use [`percent_format_text`]; other arguments are the
/// caller's TypeError "%c requires int or char".)
pub fn percent_format_char(code: &BigInt, spec: &PercentSpec) -> FormatResult<String> {
    let ch = code
        .to_u32()
        .filter(|&c| c <= 0x10ffff)
        .ok_or_else(|| FormatError::overflow("%c arg not in range(0x110000)"))?;
    let ch = FormatError::char_for(ch)?;
    output(&ch.to_string(), spec, false)
}

/// `%s %r %a` (given the `str()`, `repr()` or `ascii()` of the argument) and `%c` of a
/// one-character str: truncated to the precision, padded to the width.
pub fn percent_format_text(text: &str, spec: &PercentSpec) -> FormatResult<String> {
    let truncate = matches!(spec.conversion, 's' | 'r' | 'a');
    let text = match given(spec.precision).filter(|_| truncate).and_then(|p| text.char_indices().nth(p)) {
        Some((cut, _)) => &text[..cut],
        None => text,
    };
    output(text, spec, false)
}

/// `unicode_format_arg_output`: sign, '0x'/'0o' prefix and padding around formatted text.
/// `numeric` is CPython's `arg->sign` (true for the number conversions).
fn output(text: &str, spec: &PercentSpec, numeric: bool) -> FormatResult<String> {
    let flags = spec.flags;
    let zero_fill = numeric && flags.zero;
    let mut body = text;
    let mut sign = None;
    if numeric {
        if let Some(s @ ('-' | '+')) = body.chars().next() {
            sign = Some(s);
            body = &body[1..];
        } else if flags.sign {
            sign = Some('+');
        } else if flags.blank {
            sign = Some(' ');
        }
    }
    let mut prefix = "";
    if flags.alt && matches!(spec.conversion, 'x' | 'X' | 'o') && body.len() >= 2 {
        prefix = &body[..2];
        body = &body[2..];
    }
    let width = given(spec.width).unwrap_or(0);
    if width > MAX_OUTPUT_LEN {
        return Err(FormatError::memory());
    }
    let len = body.chars().count() + usize::from(sign.is_some()) + prefix.len();
    let padding = width.saturating_sub(len);
    let mut out = String::with_capacity(body.len() + padding + 3);
    let pad = |out: &mut String, c: char| out.extend(std::iter::repeat_n(c, padding));
    if flags.left {
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
        pad(&mut out, ' ');
    } else if zero_fill {
        out.extend(sign);
        out.push_str(prefix);
        pad(&mut out, '0');
        out.push_str(body);
    } else {
        pad(&mut out, ' ');
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    Ok(out)
}
