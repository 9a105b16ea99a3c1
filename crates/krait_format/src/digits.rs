//! Decimal digits of finite doubles, as David Gay's `_Py_dg_dtoa` returns them: the shortest
//! round-tripping digits (mode 0), or the exact binary value correctly rounded (half-even) to a
//! number of significant digits (mode 2) or of places after the decimal point (mode 3).

use std::cmp::Ordering;

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
    // A double has at most 767 significant digits and none beyond 1074 places after the point:
    // asking for more changes nothing (the caller pads with zeros), so cap the work.
    match mode {
        Mode::Shortest => shortest(value),
        Mode::Significant(n) => significant(value, n.clamp(1, 800) as i64),
        Mode::Fixed(places) => {
            let places = places.min(1100) as i64;
            let (q, half) = scaled(value, places);
            round_scaled(q, half, places)
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

/// The mantissa and binary exponent of a finite positive double (value = m × 2^e, m odd).
fn decompose(value: f64) -> (u64, i64) {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exp2) = if biased == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), biased - 1075) };
    let tz = mantissa.trailing_zeros();
    (mantissa >> tz, exp2 + i64::from(tz))
}

/// floor(value × 10^scale) as decimal digits, and how the discarded remainder compares with
/// one half (exactly, on the binary value).
fn scaled(value: f64, scale: i64) -> (String, Ordering) {
    let (m, e) = decompose(value);
    let (shl, shr) = if e >= 0 { (e as u32, 0u32) } else { (0, (-e) as u32) };
    let (mul10, div10) = if scale >= 0 { (scale as u32, 0u32) } else { (0, (-scale) as u32) };
    // Fast path: everything fits in u128.
    let small = || -> Option<(u128, u128)> {
        let m = u128::from(m);
        let num = if shl < m.leading_zeros() { m << shl } else { return None };
        let num = num.checked_mul(10u128.checked_pow(mul10)?)?;
        let den = if shr < 127 { 1u128 << shr } else { return None };
        let den = den.checked_mul(10u128.checked_pow(div10)?)?;
        (den < 1u128 << 126).then_some((num, den))
    };
    if let Some((num, den)) = small() {
        let (q, r) = (num / den, num % den);
        return (q.to_string(), (2 * r).cmp(&den));
    }
    let num = (BigUint::from(m) << shl) * BigUint::from(10u32).pow(mul10);
    let (q, twice_r, den) = if div10 == 0 {
        // Division by a power of two: a shift.
        let q = &num >> shr;
        let r = num - (&q << shr);
        (q, r << 1u32, BigUint::from(1u32) << shr)
    } else {
        let den = (BigUint::from(1u32) << shr) * BigUint::from(10u32).pow(div10);
        let q = &num / &den;
        let r = num - &q * &den;
        (q, r << 1u32, den)
    };
    (q.to_string(), twice_r.cmp(&den))
}

/// Rounds floor digits `q` of value × 10^scale half to even, giving the digits and point.
fn round_scaled(q: String, half: Ordering, scale: i64) -> Digits {
    let mut digits = q.into_bytes();
    let odd = digits.last().is_some_and(|d| (d - b'0') % 2 == 1);
    let round_up = half == Ordering::Greater || (half == Ordering::Equal && odd);
    if round_up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let decpt = digits.len() as i64 - scale;
    normalize(digits, decpt)
}

/// Mode 2: `n` significant digits, correctly rounded.
fn significant(value: f64, n: i64) -> Digits {
    // Find the decimal exponent: floor(value × 10^(n - decpt)) has exactly n digits.
    let mut decpt = value.log10().floor() as i64 + 1;
    loop {
        let (q, half) = scaled(value, n - decpt);
        let len = q.trim_start_matches('0').len() as i64;
        if len > n {
            decpt += 1;
        } else if len < n {
            decpt -= 1;
        } else {
            return round_scaled(q, half, n - decpt);
        }
    }
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
        assert_eq!(show(&dtoa(0.5, Mode::Fixed(usize::MAX))), ("5".into(), 0));
        assert_eq!(show(&dtoa(0.1, Mode::Significant(usize::MAX))).0.len(), 55);
    }
}
