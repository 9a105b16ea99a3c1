//! Special functions without a Rust std equivalent: erf and erfc (fdlibm's, from the
//! `libm` crate), gamma and lgamma (Lanczos approximation with reflection).

use std::f64::consts::PI;

/// math.erf: the fdlibm algorithm (the `libm` crate), as glibc's erf that CPython calls.
pub fn erf(x: f64) -> f64 {
    libm::erf(x)
}

/// math.erfc (fdlibm, as erf).
pub fn erfc(x: f64) -> f64 {
    libm::erfc(x)
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
