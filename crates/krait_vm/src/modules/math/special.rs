//! Special functions without a Rust std equivalent: erf, erfc (series and continued
//! fraction), gamma and lgamma (Lanczos approximation with reflection).

use std::f64::consts::PI;

const SQRT_PI: f64 = 1.772_453_850_905_516;
/// Below this |x| erf uses its series, above it the continued fraction for erfc.
const ERF_SERIES_CUTOFF: f64 = 1.5;
const ERF_SERIES_TERMS: i32 = 25;
const ERFC_CONTFRAC_CUTOFF: f64 = 30.0;
const ERFC_CONTFRAC_TERMS: i32 = 50;

/// erf(x) = 2x/sqrt(pi) * exp(-x*x) * sum (2x*x)**n / (1*3*...*(2n+1)), |x| small.
fn erf_series(x: f64) -> f64 {
    let x2 = x * x;
    let mut acc = 0.0;
    let mut fk = ERF_SERIES_TERMS as f64 + 0.5;
    for _ in 0..ERF_SERIES_TERMS {
        acc = 2.0 + x2 * acc / fk;
        fk -= 1.0;
    }
    acc * x * (-x2).exp() / SQRT_PI
}

/// erfc(x) by its continued fraction, x >= ERF_SERIES_CUTOFF.
fn erfc_contfrac(x: f64) -> f64 {
    if x >= ERFC_CONTFRAC_CUTOFF {
        return 0.0;
    }
    let x2 = x * x;
    let mut a = 0.0;
    let mut da = 0.5;
    let mut p = 1.0;
    let mut p_last = 0.0;
    let mut q = da + x2;
    let mut q_last = 1.0;
    for _ in 0..ERFC_CONTFRAC_TERMS {
        a += da;
        da += 2.0;
        let b = da + x2;
        let temp = p;
        p = b * p - a * p_last;
        p_last = temp;
        let temp = q;
        q = b * q - a * q_last;
        q_last = temp;
    }
    p / q * x * (-x2).exp() / SQRT_PI
}

/// math.erf
pub fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < ERF_SERIES_CUTOFF {
        erf_series(x)
    } else {
        let cf = erfc_contfrac(ax);
        if x > 0.0 { 1.0 - cf } else { cf - 1.0 }
    }
}

/// math.erfc
pub fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < ERF_SERIES_CUTOFF {
        1.0 - erf_series(x)
    } else {
        let cf = erfc_contfrac(ax);
        if x > 0.0 { cf } else { 2.0 - cf }
    }
}

/// Lanczos approximation (g = 7, 9 terms): Gamma(x+1) = sqrt(2pi) t**(x+.5) e**-t A(x).
const LANCZOS_G: f64 = 7.0;
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

/// ln Gamma(x) for x >= 0.5 by Lanczos.
fn lanczos_lgamma(x: f64) -> f64 {
    let x = x - 1.0;
    let mut a = LANCZOS[0];
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    let t = x + LANCZOS_G + 0.5;
    0.5 * (2.0 * PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// Gamma(x) for x >= 0.5 by Lanczos.
fn lanczos_gamma(x: f64) -> f64 {
    let x = x - 1.0;
    let mut a = LANCZOS[0];
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    let t = x + LANCZOS_G + 0.5;
    // t**(x+0.5) split in two to avoid premature overflow.
    let half = t.powf((x + 0.5) / 2.0);
    (2.0 * PI).sqrt() * half * ((-t).exp() * half) * a
}

/// The outcome of gamma/lgamma: a value, or which error CPython raises.
#[derive(Debug, PartialEq)]
pub enum SpecialResult {
    Value(f64),
    Domain,
    Range,
}

/// math.gamma: exact factorials for small positive integers, poles are domain errors.
pub fn gamma(x: f64) -> SpecialResult {
    use SpecialResult::*;
    if x.is_nan() {
        return Value(x);
    }
    if x.is_infinite() {
        return if x > 0.0 { Value(x) } else { Domain };
    }
    if x == x.floor() {
        if x <= 0.0 {
            return Domain;
        }
        if x <= 23.0 {
            let mut f = 1.0;
            for i in 2..(x as u32) {
                f *= i as f64;
            }
            return Value(f);
        }
    }
    if x > 171.7 {
        return Range;
    }
    let r = if x < 0.5 {
        // Reflection: Gamma(x) Gamma(1-x) = pi / sin(pi x).
        PI / ((PI * x).sin() * lanczos_gamma(1.0 - x))
    } else {
        lanczos_gamma(x)
    };
    if r.is_infinite() { Range } else { Value(r) }
}

/// math.lgamma
pub fn lgamma(x: f64) -> SpecialResult {
    use SpecialResult::*;
    if x.is_nan() {
        return Value(x);
    }
    if x.is_infinite() {
        return Value(f64::INFINITY);
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Domain } else { Value(0.0) };
    }
    let r = if x < 0.5 {
        // ln|Gamma(x)| = ln(pi / |sin(pi x)|) - ln Gamma(1-x).
        (PI / (PI * x).sin().abs()).ln() - lanczos_lgamma(1.0 - x)
    } else {
        lanczos_lgamma(x)
    };
    if r.is_infinite() { Range } else { Value(r) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-14 * b.abs().max(1e-300)
    }

    #[test]
    fn values_near_cpython() {
        // python3: math.erf(0.5), math.erfc(3.0), math.erf(-3), math.erfc(-1), math.erfc(30),
        // math.gamma(0.5), math.gamma(-2.5), math.lgamma(-0.5), math.lgamma(100), math.lgamma(1e300)
        assert!(close(erf(0.5), 0.5204998778130465));
        assert!(close(erfc(3.0), 2.2090496998585438e-05));
        assert!(close(erf(-3.0), -0.9999779095030014));
        assert!(close(erfc(-1.0), 1.842700792949715));
        assert_eq!(erfc(30.0), 0.0);
        let v = |r| match r {
            SpecialResult::Value(v) => v,
            _ => f64::NAN,
        };
        assert!(close(v(gamma(0.5)), 1.7724538509055159));
        assert!(close(v(gamma(-2.5)), -0.9453087204829417));
        assert_eq!(v(gamma(5.0)), 24.0);
        assert!(close(v(lgamma(-0.5)), 1.265512123484645));
        assert!(close(v(lgamma(100.0)), 359.1342053695754));
        assert!(close(v(lgamma(1e300)), 6.897755278982137e+302));
        assert_eq!(gamma(0.0), SpecialResult::Domain);
        assert_eq!(gamma(-1.0), SpecialResult::Domain);
        assert_eq!(gamma(171.7), SpecialResult::Range);
        assert_eq!(lgamma(0.0), SpecialResult::Domain);
    }
}
