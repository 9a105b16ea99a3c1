//! krait_format: Python 3.11 number and string formatting as pure functions (no VM objects).
#![forbid(unsafe_code)]

mod digits;
mod error;
mod float_to_string;
mod format_float;
mod format_int;
mod format_str;
mod int_str;
mod layout;
mod parse_float;
mod parse_int;
mod percent_format;
mod percent_parse;
mod spec;
mod str_format;
pub mod unicode;

pub use error::{ErrorKind, FormatError, FormatResult};
pub use float_to_string::{complex_repr, double_to_string, float_repr, DtoaFlags};
pub use format_float::{format_complex, format_complex_spec, format_float, format_float_spec};
pub use format_int::{format_int, format_int_spec};
pub use format_str::{format_str, format_str_spec};
pub use int_str::{
    int_to_decimal, int_to_f64, int_to_str_limit_error, int_to_str_radix, str_to_int_limit_error,
    DEFAULT_MAX_STR_DIGITS, STR_DIGITS_CHECK_THRESHOLD,
};
pub use parse_float::parse_float;
pub use parse_int::parse_int;
pub use percent_format::{percent_format_char, percent_format_float, percent_format_int, percent_format_text};
pub use percent_parse::{unsupported_format_character, Count, PercentFlags, PercentParser, PercentSpec, Piece};
pub use spec::{unknown_format_code, FormatSpec, Grouping};
pub use str_format::{
    field_name_split, unknown_conversion, AutoNumber, Field, FieldAccessor, FieldAccessors, FieldKey, MarkupItem,
    MarkupIter,
};
