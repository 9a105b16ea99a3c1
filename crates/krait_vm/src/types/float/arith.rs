//! Pure float arithmetic with CPython's rules: floor division and modulo signs,
//! divmod, and the special cases of `**`.

use crate::types::int::arith::{NumError, NumResult};

/// The outcome of `x ** y` on floats.
#[derive(Debug, PartialEq)]
pub enum PowResult {
    Real(f64),
    /// Negative base with a non-integral exponent: the caller computes a complex power.
    Complex,
    /// OverflowError(34, 'Numerical result out of range') (errno ERANGE).
    RangeError,
}

/// `x % y` (float_rem): the result takes the sign of `y`.
pub fn float_mod(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision("float modulo"));
    }
    let m = x % y;
    Ok(if m != 0.0 {
        if (y < 0.0) != (m < 0.0) { m + y } else { m }
    } else {
        0.0f64.copysign(y)
    })
}

/// `divmod(x, y)` (float_divmod); `zero_msg` is the message for a zero divisor.
pub fn float_divmod(x: f64, y: f64, zero_msg: &'static str) -> NumResult<(f64, f64)> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision(zero_msg));
    }
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(x / y)
    };
    Ok((floordiv, m))
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y.fract() == 0.0 && (y % 2.0).abs() == 1.0
}

/// `x ** y` (float_pow).
pub fn float_pow(x: f64, y: f64) -> NumResult<PowResult> {
    use PowResult::*;
    if y == 0.0 {
        return Ok(Real(1.0));
    }
    if x.is_nan() {
        return Ok(Real(x));
    }
    if y.is_nan() {
        return Ok(Real(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(Real(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    let odd = is_odd_integer(y);
    if x.is_infinite() {
        return Ok(Real(if x > 0.0 {
            if y > 0.0 { x } else { 0.0 }
        } else if y > 0.0 {
            if odd { x } else { -x }
        } else if odd {
            -0.0
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(NumError::ZeroDivision("0.0 cannot be raised to a negative power"));
        }
        return Ok(Real(if odd { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Ok(Complex);
        }
        negate = odd;
        base = -x;
    }
    if base == 1.0 {
        return Ok(Real(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Ok(RangeError);
    }
    Ok(Real(if negate { -r } else { r }))
}

/// Round half to even to `ndigits` decimal places (double_round), via the shortest
/// correctly rounded decimal text.
pub fn round_to_digits(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0f64.copysign(x);
    }
    // Exact decimal expansion rounded half-even at the requested place.
    let text = format!("{:.*e}", 400, x.abs());
    let (mant, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    // digits[0] is the 10**exp place; keep places down to 10**-ndigits.
    let keep = exp + 1 + ndigits;
    if keep < 0 {
        return 0.0f64.copysign(x);
    }
    let keep = keep as usize;
    if keep >= digits.len() {
        return x;
    }
    let mut kept: Vec<u8> = digits[..keep].to_vec();
    let rest = &digits[keep..];
    let round_up = match rest[0].cmp(&5) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => rest[1..].iter().any(|&d| d != 0) || kept.last().is_some_and(|d| d % 2 == 1),
    };
    let mut carry_exp = exp;
    if round_up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                carry_exp += 1;
                break;
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    if kept.is_empty() {
        return 0.0f64.copysign(x);
    }
    let s: String = kept.iter().map(|d| (b'0' + d) as char).collect();
    let value: f64 = format!("{s}e{}", carry_exp + 1 - kept.len() as i64).parse().unwrap_or(0.0);
    value.copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divmod_and_mod_signs() {
        // python3: divmod(7.5,-2), divmod(-7.5,2), (-0.0)%5, 5%-0.0 error, divmod(-0.0, 3), 1e-300 % -1
        assert_eq!(float_divmod(7.5, -2.0, "x").unwrap(), (-4.0, -0.5));
        assert_eq!(float_divmod(-7.5, 2.0, "x").unwrap(), (-4.0, 0.5));
        assert_eq!(float_mod(-0.0, 5.0).unwrap().to_bits(), 0.0f64.to_bits());
        assert_eq!(float_mod(1e-300, -1.0).unwrap(), -1.0);
        let (q, r) = float_divmod(-0.0, 3.0, "x").unwrap();
        assert_eq!((q.to_bits(), r.to_bits()), ((-0.0f64).to_bits(), 0.0f64.to_bits()));
        assert_eq!(float_mod(1.0, 0.0), Err(NumError::ZeroDivision("float modulo")));
    }

    #[test]
    fn pow_special_cases() {
        // python3: (-2.0)**3, (-2.0)**-1, 0.0**0, (-0.0)**3, (-inf)**3, (-inf)**-3, 1.0**nan, (-1.0)**inf
        assert_eq!(float_pow(-2.0, 3.0), Ok(PowResult::Real(-8.0)));
        assert_eq!(float_pow(-2.0, -1.0), Ok(PowResult::Real(-0.5)));
        assert_eq!(float_pow(0.0, 0.0), Ok(PowResult::Real(1.0)));
        assert_eq!(float_pow(-0.0, 3.0).map(|r| matches!(r, PowResult::Real(v) if v.to_bits() == (-0.0f64).to_bits())), Ok(true));
        assert_eq!(float_pow(f64::NEG_INFINITY, 3.0), Ok(PowResult::Real(f64::NEG_INFINITY)));
        assert_eq!(float_pow(1.0, f64::NAN), Ok(PowResult::Real(1.0)));
        assert_eq!(float_pow(-1.0, f64::INFINITY), Ok(PowResult::Real(1.0)));
        assert_eq!(float_pow(-8.0, 1.0 / 3.0), Ok(PowResult::Complex));
        assert_eq!(float_pow(1e308, 2.0), Ok(PowResult::RangeError));
        assert!(float_pow(0.0, -1.0).is_err());
    }

    #[test]
    fn rounding() {
        // python3: round(2.675, 2), round(0.125, 2), round(2.5, 0), round(-1.5, 0), round(1234.5, -1), round(5e-324, 400)
        assert_eq!(round_to_digits(2.675, 2), 2.67);
        assert_eq!(round_to_digits(0.125, 2), 0.12);
        assert_eq!(round_to_digits(2.5, 0), 2.0);
        assert_eq!(round_to_digits(-1.5, 0), -2.0);
        assert_eq!(round_to_digits(1234.5, -1), 1230.0);
        assert_eq!(round_to_digits(5e-324, 400), 5e-324);
        assert_eq!(round_to_digits(99.5, 0), 100.0);
    }
}
