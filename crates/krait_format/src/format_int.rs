//! `format(int, spec)`: `_PyLong_FormatAdvancedWriter` and `format_long_internal`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::error::{FormatError, FormatResult};
use crate::format_float::format_float_spec;
use crate::int_str::{int_to_decimal, int_to_f64, int_to_str_radix};
use crate::layout::{layout_number, NumberParts};
use crate::spec::{unknown_format_code, FormatSpec};

/// `format(value, spec)` for an int whose type is named `type_name` ("int", "bool", a subclass).
/// `max_str_digits` is the interpreter's current `sys.get_int_max_str_digits()` (0: no limit),
/// which decimal output obeys. An empty spec gives `str(value)` (the caller handles subclasses
/// whose `__str__` differs, such as bool).
pub fn format_int(value: &BigInt, spec: &str, type_name: &str, max_str_digits: usize) -> FormatResult<String> {
    if spec.is_empty() {
        return int_to_decimal(value, max_str_digits);
    }
    let spec = FormatSpec::parse(spec, 'd', '>', type_name)?;
    match spec.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_int_spec(value, &spec, max_str_digits),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_float_spec(int_to_f64(value)?, &spec),
        ty => Err(unknown_format_code(ty, type_name)),
    }
}

/// `format_long_internal` for a parsed spec whose type is an integer presentation type.
pub fn format_int_spec(value: &BigInt, spec: &FormatSpec, max_str_digits: usize) -> FormatResult<String> {
    if spec.precision.is_some() {
        return Err(FormatError::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(FormatError::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if spec.ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(FormatError::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let code = value
            .to_i64()
            .ok_or_else(|| FormatError::overflow("Python int too large to convert to C long"))?;
        let ch = u32::try_from(code)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| FormatError::overflow("%c arg not in range(0x110000)"))?;
        let ch = FormatError::char_for(ch)?;
        let text = ch.to_string();
        let parts = NumberParts { negative: false, prefix: "", digits: "", has_decimal: false, remainder: &text };
        return layout_number(spec, &parts);
    }
    let (radix, prefix) = match spec.ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let magnitude = value.abs();
    let mut digits = if radix == 10 {
        int_to_decimal(&magnitude, max_str_digits)?
    } else {
        int_to_str_radix(&magnitude, radix)
    };
    if spec.ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: value.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    layout_number(spec, &parts)
}
