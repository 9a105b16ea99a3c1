//! Pure complex arithmetic as CPython computes it (complexobject.c): Smith's division,
//! integer powers by repeated squaring, the general power through polar form.

use crate::types::int::arith::{NumError, NumResult};

pub type C = (f64, f64);

pub fn c_sum(a: C, b: C) -> C {
    (a.0 + b.0, a.1 + b.1)
}

pub fn c_diff(a: C, b: C) -> C {
    (a.0 - b.0, a.1 - b.1)
}

pub fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// _Py_c_quot: `None` for a zero divisor.
pub fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // A NaN component.
        Some((f64::NAN, f64::NAN))
    }
}

/// _Py_c_pow: `Err` for zero raised to a negative or complex power.
fn c_pow(a: C, b: C) -> NumResult<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(NumError::ZeroDivision("0.0 to a negative or complex power"));
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// c_powu: `x ** n` by repeated squaring.
fn c_powu(x: C, n: u64) -> C {
    let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// complex_pow: `a ** b`, with CPython's errors.
pub fn complex_pow(a: C, b: C) -> NumResult<C> {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            c_powu(a, n as u64)
        } else {
            c_quot((1.0, 0.0), c_powu(a, n.unsigned_abs())).ok_or(NumError::ZeroDivision("0.0 to a negative or complex power"))?
        }
    } else {
        c_pow(a, b)?
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(NumError::Overflow("complex exponentiation"));
    }
    Ok(p)
}

/// `abs(z)` (complex_abs): OverflowError when finite parts overflow.
pub fn c_abs(z: C) -> NumResult<f64> {
    if z.0.is_infinite() || z.1.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if z.0.is_nan() || z.1.is_nan() {
        return Ok(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_infinite() {
        return Err(NumError::Overflow("absolute value too large"));
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_cpython() {
        // python3: (1+2j)/(3-4j), (1+2j)**3, (-8)**(1/3), (1j)**-1, 0j**-1, complex(1e200,0)**2, abs(complex(1.7e308,1.7e308))
        assert_eq!(c_quot((1.0, 2.0), (3.0, -4.0)), Some((-0.2, 0.4)));
        assert_eq!(complex_pow((1.0, 2.0), (3.0, 0.0)), Ok((-11.0, -2.0)));
        assert_eq!(complex_pow((-8.0, 0.0), (1.0 / 3.0, 0.0)), Ok((1.0000000000000002, 1.7320508075688772)));
        assert_eq!(complex_pow((0.0, 1.0), (-1.0, 0.0)), Ok((0.0, -1.0)));
        assert!(complex_pow((0.0, 0.0), (-1.0, 0.0)).is_err());
        assert_eq!(complex_pow((1e200, 0.0), (2.0, 0.0)), Err(NumError::Overflow("complex exponentiation")));
        assert_eq!(c_abs((3.0, 4.0)), Ok(5.0));
        assert_eq!(c_abs((1.7e308, 1.7e308)), Err(NumError::Overflow("absolute value too large")));
    }
}
