//! Decimal digits of finite doubles, as David Gay's `_Py_dg_dtoa` returns them: the shortest
//! round-tripping digits (mode 0), or the exact binary value correctly rounded (half-even) to a
//! number of significant digits (mode 2) or of places after the decimal point (mode 3).

use num_bigint::BigUint;
use num_traits::Pow;

/// A digit string `0.d1d2d3... × 10^decpt`.
///
/// `digits` holds ASCII digits without trailing zeros, never empty: zero (exact, or a value
/// rounded away to nothing) is `"0"` with `decpt == 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Digits {
    pub digits: Vec<u8>,
    pub decpt: i64,
}

impl Digits {
    fn zero() -> Self {
        Digits { digits: vec![b'0'], decpt: 1 }
    }

    /// Whether the digits are the zero string.
    pub fn is_zero(&self) -> bool {
        self.digits == b"0"
    }
}

/// How many digits `_Py_dg_dtoa` should produce.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Mode {
    /// Mode 0: shortest string that reads back as the same double.
    Shortest,
    /// Mode 2: at most this many significant digits (at least 1).
    Significant(usize),
    /// Mode 3: digits up to this many places after the decimal point.
    Fixed(usize),
}

/// `_Py_dg_dtoa` for a finite, non-negative `value` (the caller handles sign, inf and nan).
pub(crate) fn dtoa(value: f64, mode: Mode) -> Digits {
    if value == 0.0 {
        return Digits::zero();
    }
    match mode {
        Mode::Shortest => shortest(value),
        Mode::Significant(n) => round_digits(exact(value), n.max(1) as i64),
        Mode::Fixed(places) => {
            let exact = exact(value);
            let keep = exact.decpt.saturating_add(places as i64);
            round_digits(exact, keep)
        }
    }
}

/// Shortest round-trip digits, via ryu (whose choice among equally short candidates is the
/// closest one, like Gay's mode 0).
fn shortest(value: f64) -> Digits {
    let mut buf = ryu::Buffer::new();
    let text = buf.format_finite(value);
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let mut digits = Vec::with_capacity(mantissa.len());
    let mut int_len: Option<i64> = None;
    for b in mantissa.bytes() {
        match b {
            b'0'..=b'9' => digits.push(b),
            b'.' => int_len = Some(digits.len() as i64),
            _ => {}
        }
    }
    let int_len = int_len.unwrap_or(digits.len() as i64);
    normalize(digits, int_len + exponent)
}

/// Strips leading zeros (moving the point) and trailing zeros.
fn normalize(mut digits: Vec<u8>, mut decpt: i64) -> Digits {
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..lead);
    decpt -= lead as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        return Digits::zero();
    }
    Digits { digits, decpt }
}

/// All the decimal digits of the exact binary value of a finite positive double.
fn exact(value: f64) -> Digits {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut mantissa, mut exp2) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    let tz = mantissa.trailing_zeros();
    mantissa >>= tz;
    exp2 += i64::from(tz);
    if exp2 >= 0 {
        // An integer: mantissa × 2^exp2.
        let shift = exp2 as u32;
        let text = if 64 - mantissa.leading_zeros() + shift <= 128 {
            (u128::from(mantissa) << shift).to_string()
        } else {
            (BigUint::from(mantissa) << shift).to_string()
        };
        let len = text.len() as i64;
        normalize(text.into_bytes(), len)
    } else {
        // mantissa / 2^k = mantissa × 5^k / 10^k.
        let k = (-exp2) as u32;
        let small = if k <= 55 { 5u128.pow(k).checked_mul(u128::from(mantissa)) } else { None };
        let text = match small {
            Some(n) => n.to_string(),
            None => (BigUint::from(5u32).pow(k) * mantissa).to_string(),
        };
        let len = text.len() as i64;
        normalize(text.into_bytes(), len - i64::from(k))
    }
}

/// Keeps the first `keep` digits of an exact expansion, rounding half to even.
fn round_digits(exact: Digits, keep: i64) -> Digits {
    let Digits { mut digits, decpt } = exact;
    if keep >= digits.len() as i64 {
        return Digits { digits, decpt };
    }
    if keep < 0 {
        return Digits::zero();
    }
    let keep = keep as usize;
    let first_dropped = digits[keep];
    let round_up = match first_dropped {
        b'6'..=b'9' => true,
        b'5' => {
            let beyond = digits[keep + 1..].iter().any(|&d| d != b'0');
            let previous_odd = keep > 0 && (digits[keep - 1] - b'0') % 2 == 1;
            beyond || previous_odd
        }
        _ => false,
    };
    digits.truncate(keep);
    if !round_up {
        return normalize(digits, decpt);
    }
    // Propagate the carry.
    while let Some(last) = digits.pop() {
        if last != b'9' {
            digits.push(last + 1);
            return normalize(digits, decpt);
        }
    }
    Digits { digits: vec![b'1'], decpt: decpt + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(d: &Digits) -> (String, i64) {
        (String::from_utf8(d.digits.clone()).unwrap_or_default(), d.decpt)
    }

    #[test]
    fn modes() {
        assert_eq!(show(&dtoa(0.1, Mode::Shortest)), ("1".into(), 0));
        assert_eq!(show(&dtoa(1e16, Mode::Shortest)), ("1".into(), 17));
        assert_eq!(show(&dtoa(0.125, Mode::Fixed(2))), ("12".into(), 0));
        assert_eq!(show(&dtoa(0.375, Mode::Fixed(2))), ("38".into(), 0));
        assert_eq!(show(&dtoa(2.675, Mode::Fixed(2))), ("267".into(), 1));
        assert_eq!(show(&dtoa(0.5, Mode::Fixed(0))), ("0".into(), 1));
        assert_eq!(show(&dtoa(1.5, Mode::Fixed(0))), ("2".into(), 1));
        assert_eq!(show(&dtoa(9.99, Mode::Fixed(1))), ("1".into(), 2));
        assert_eq!(show(&dtoa(0.001, Mode::Fixed(1))), ("0".into(), 1));
        assert_eq!(show(&dtoa(123456.0, Mode::Significant(2))), ("12".into(), 6));
    }
}
