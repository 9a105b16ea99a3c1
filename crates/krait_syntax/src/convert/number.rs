//! Numeric literals: ints of any size parsed from the source text, floats and imaginaries.

use super::Converter;
use crate::ast::ConstantValue;
use num_bigint::BigInt;
use ruff_python_ast as r;
use ruff_text_size::TextRange;

impl Converter<'_> {
    pub(crate) fn number(&self, n: &r::Number, range: TextRange) -> ConstantValue {
        match n {
            r::Number::Int(_) => ConstantValue::Int(parse_int(self.text(range)).unwrap_or_default()),
            r::Number::Float(f) => ConstantValue::Float(*f),
            r::Number::Complex { real, imag } => ConstantValue::Complex { re: *real, im: *imag },
        }
    }
}

/// Value of an integer literal token such as `1_000`, `0x_FF`, `0o17`, `0b1`.
fn parse_int(text: &str) -> Option<BigInt> {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    let lower = digits.to_ascii_lowercase();
    let (radix, body) = match lower.get(..2) {
        Some("0x") => (16, &lower[2..]),
        Some("0o") => (8, &lower[2..]),
        Some("0b") => (2, &lower[2..]),
        _ => (10, lower.as_str()),
    };
    BigInt::parse_bytes(body.as_bytes(), radix)
}
