//! Integers to text and to float: `str(int)` under the int/str digit limit, radix conversion,
//! and the correctly rounded int → float conversion that `format()` and `%` need.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::error::{FormatError, FormatResult};

/// CPython's default `sys.get_int_max_str_digits()` (and `sys.int_info.default_max_str_digits`).
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// `sys.int_info.str_digits_check_threshold`: the smallest non-zero limit that may be set.
pub const STR_DIGITS_CHECK_THRESHOLD: usize = 640;

/// The ValueError for converting an int with too many digits to str (`_MAX_STR_DIGITS_ERROR_FMT_TO_STR`).
pub fn int_to_str_limit_error(limit: usize) -> FormatError {
    FormatError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// The ValueError for parsing a str with too many digits to int (`_MAX_STR_DIGITS_ERROR_FMT_TO_INT`).
pub fn str_to_int_limit_error(limit: usize, digits: usize) -> FormatError {
    FormatError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(value)` in base 10, failing as CPython does when the value has more than `max_str_digits`
/// digits (0 means no limit). Mirrors `long_to_decimal_string_internal`.
pub fn int_to_decimal(value: &BigInt, max_str_digits: usize) -> FormatResult<String> {
    if max_str_digits > 0 {
        // A lower bound on the digit count, so a huge value fails before the slow conversion.
        let bits = value.bits();
        let min_digits = ((bits.saturating_sub(1)) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
        if min_digits > max_str_digits as u64 {
            return Err(int_to_str_limit_error(max_str_digits));
        }
    }
    let text = value.to_string();
    let digits = text.len() - usize::from(value.sign() == Sign::Minus);
    if max_str_digits > 0 && digits > max_str_digits {
        return Err(int_to_str_limit_error(max_str_digits));
    }
    Ok(text)
}

/// The digits of `value` in `radix` (2..=36), lower case, with a leading '-' if negative and no
/// prefix. No digit limit applies (CPython limits only non-power-of-two bases, i.e. base 10 here).
pub fn int_to_str_radix(value: &BigInt, radix: u32) -> String {
    value.to_str_radix(radix.clamp(2, 36))
}

/// `PyLong_AsDouble`: the int correctly rounded (half to even) to a double, or OverflowError
/// "int too large to convert to float".
pub fn int_to_f64(value: &BigInt) -> FormatResult<f64> {
    let magnitude = value.magnitude();
    let bits = magnitude.bits();
    let result = if bits <= 64 {
        magnitude.to_u64().map_or(f64::INFINITY, |m| m as f64)
    } else {
        // Keep the top 64 bits plus a sticky bit for everything below: the u64 → f64 rounding
        // then equals the exact rounding of the whole value.
        let shift = bits - 64;
        let top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
        let sticky = magnitude.trailing_zeros().is_some_and(|tz| tz < shift);
        let rounded = (top | u64::from(sticky)) as f64;
        if shift > 2000 {
            f64::INFINITY
        } else {
            rounded * 2f64.powi(shift as i32)
        }
    };
    if result.is_infinite() {
        return Err(FormatError::overflow("int too large to convert to float"));
    }
    Ok(if value.is_negative() { -result } else { result })
}
