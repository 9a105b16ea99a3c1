//! Exact float summation (math.fsum, Shewchuk's algorithm with CPython's handling of
//! infinities, NaNs and intermediate overflow) and the Euclidean norm for hypot/dist.

use crate::types::int::arith::NumError;

/// math.fsum over already-converted floats.
pub fn fsum(items: impl IntoIterator<Item = f64>) -> Result<f64, NumError> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for xsave in items {
        let mut x = xsave;
        let mut n = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[n] = lo;
                n += 1;
            }
            x = hi;
        }
        partials.truncate(n);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(NumError::Overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(NumError::Value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the rest of the partials push past a tie.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// sqrt(sum of squares) of `v` without undue overflow or underflow (vector_norm):
/// infinities win over NaNs, values are scaled by the largest magnitude.
pub fn vector_norm(v: &[f64]) -> f64 {
    if v.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let max = v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    if v.len() == 2 {
        return v[0].hypot(v[1]);
    }
    let sum = fsum(v.iter().map(|x| (x / max) * (x / max))).unwrap_or(f64::INFINITY);
    max * sum.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_as_cpython() {
        // python3: math.fsum([0.1]*10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
        // math.fsum([1e308, 1e308]) -> OverflowError, fsum([inf, -inf]) -> ValueError
        assert_eq!(fsum(vec![0.1; 10]), Ok(1.0));
        assert_eq!(fsum(vec![1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), Ok(1e-100));
        assert_eq!(fsum(vec![1e308, 1e308]), Err(NumError::Overflow("intermediate overflow in fsum")));
        assert_eq!(fsum(vec![f64::INFINITY, f64::NEG_INFINITY]), Err(NumError::Value("-inf + inf in fsum")));
        assert_eq!(fsum(vec![f64::INFINITY, 1.0]), Ok(f64::INFINITY));
        assert_eq!(fsum(vec![2.0f64.powi(53), 1.0, 2.0f64.powi(-53)]), Ok(9007199254740994.0));
        assert_eq!(vector_norm(&[3.0, 4.0, 12.0]), 13.0);
    }
}
