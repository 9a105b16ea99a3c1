//! `format(str, spec)`: `_PyUnicode_FormatAdvancedWriter` and `format_string_internal`.

use crate::error::{FormatError, FormatResult};
use crate::layout::pad;
use crate::spec::{unknown_format_code, FormatSpec};

/// `format(value, spec)` for a str whose type is named `type_name`. Width and precision count
/// characters (code points).
pub fn format_str(value: &str, spec: &str, type_name: &str) -> FormatResult<String> {
    if spec.is_empty() {
        return Ok(value.to_owned());
    }
    let spec = FormatSpec::parse(spec, 's', '<', type_name)?;
    if spec.ty != 's' {
        return Err(unknown_format_code(spec.ty, type_name));
    }
    format_str_spec(value, &spec)
}

/// `format_string_internal` for a parsed spec.
pub fn format_str_spec(value: &str, spec: &FormatSpec) -> FormatResult<String> {
    match spec.sign {
        Some(' ') => return Err(FormatError::value("Space not allowed in string format specifier")),
        Some(_) => return Err(FormatError::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(FormatError::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(FormatError::value("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == '=' {
        return Err(FormatError::value("'=' alignment not allowed in string format specifier"));
    }
    let (text, len) = match spec.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((cut, _)) => (&value[..cut], p),
            None => (value, value.chars().count()),
        },
        None => (value, value.chars().count()),
    };
    pad(text, len, spec)
}
