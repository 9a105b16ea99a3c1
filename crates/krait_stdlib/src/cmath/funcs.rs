//! The complex functions of `cmath` on (re, im) pairs, with the special values of C99
//! Annex G for infinite and NaN parts and the error each case reports (CPython's
//! cmathmodule.c behaviour: EDOM → ValueError, ERANGE → OverflowError).

use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, LN_2, PI};

pub type C = (f64, f64);

/// What a function reports besides its value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Errno {
    Ok,
    /// Domain error: ValueError "math domain error".
    Dom,
    /// Range error: OverflowError "math range error".
    Range,
}

pub type Res = (C, Errno);

const INF: f64 = f64::INFINITY;
const NAN: f64 = f64::NAN;
/// DBL_MAX / 4: above this, intermediate results may overflow.
const LARGE: f64 = f64::MAX / 4.0;
/// log(DBL_MAX) - 1: exp of more than this needs scaling.
const LOG_LARGE: f64 = 708.782_712_893_384 - 1.0;
const SQRT_LARGE: f64 = 6.703_903_964_971_299e153;
const SQRT_DBL_MIN: f64 = 1.491_668_146_240_041_3e-154;
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

fn fin(x: f64) -> bool {
    x.is_finite()
}

/// Real asinh with fdlibm's algorithm (as the C library's), not Rust's own formula.
fn asinh_f(x: f64) -> f64 {
    libm::asinh(x)
}

fn ok(c: C) -> Res {
    (c, Errno::Ok)
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn ln1p(x: f64) -> f64 {
    // log1p(-0.0) is -0.0, as in C.
    if x == 0.0 { x } else { x.ln_1p() }
}

/// Complex division for `log(z, base)`; Dom on division by zero.
pub fn quot(a: C, b: C) -> Res {
    let (ar, ai) = a;
    let (br, bi) = b;
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return ((0.0, 0.0), Errno::Dom);
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        ok(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        ok(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        ok((NAN, NAN))
    }
}

/// sqrt; never an error.
pub fn sqrt((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if y.is_infinite() {
            (INF, y)
        } else if x.is_nan() {
            (NAN, NAN)
        } else if x == INF {
            (INF, if y.is_nan() { NAN } else { 0f64.copysign(y) })
        } else if x == -INF {
            if y.is_nan() { (NAN, INF) } else { (0.0, INF.copysign(y)) }
        } else {
            (NAN, NAN)
        };
        return ok(r);
    }
    if x == 0.0 && y == 0.0 {
        return ok((0.0, y));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        let ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    ok(if x >= 0.0 { (s, d.copysign(y)) } else { (d, s.copysign(y)) })
}

/// exp; Range when a finite argument overflows.
pub fn exp((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if x.is_infinite() && fin(y) && y != 0.0 {
            if x > 0.0 { (INF.copysign(y.cos()), INF.copysign(y.sin())) } else { (0f64.copysign(y.cos()), 0f64.copysign(y.sin())) }
        } else if x.is_nan() {
            (NAN, if y == 0.0 { y } else { NAN })
        } else if x == INF {
            if y == 0.0 { (INF, y) } else { (INF, NAN) }
        } else if x == -INF {
            (0.0, if y == 0.0 { y } else { 0.0 })
        } else {
            (NAN, NAN)
        };
        let e = if y.is_infinite() && (fin(x) || x == INF) { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    let r = if x > LOG_LARGE {
        let l = (x - 1.0).exp();
        (l * y.cos() * std::f64::consts::E, l * y.sin() * std::f64::consts::E)
    } else {
        let l = x.exp();
        (l * y.cos(), l * y.sin())
    };
    let e = if r.0.is_infinite() || r.1.is_infinite() { Errno::Range } else { Errno::Ok };
    (r, e)
}

/// cosh (even); Range on overflow, Dom for an infinite imaginary part.
pub fn cosh((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if x.is_infinite() && fin(y) && y != 0.0 {
            (INF.copysign(y.cos()), INF.copysign(y.sin()) * x.signum())
        } else if x.is_infinite() {
            if y == 0.0 { (INF, y * x.signum()) } else { (INF, NAN) }
        } else if x.is_nan() {
            (NAN, if y == 0.0 { 0.0 } else { NAN })
        } else if x == 0.0 {
            // finite zero x, infinite or NaN y
            (NAN, 0.0)
        } else {
            (NAN, NAN)
        };
        let e = if y.is_infinite() && !x.is_nan() { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    let r = if x.abs() > LOG_LARGE {
        let xm1 = x - 1f64.copysign(x);
        (y.cos() * xm1.cosh() * std::f64::consts::E, y.sin() * xm1.sinh() * std::f64::consts::E)
    } else {
        (y.cos() * x.cosh(), y.sin() * x.sinh())
    };
    let e = if r.0.is_infinite() || r.1.is_infinite() { Errno::Range } else { Errno::Ok };
    (r, e)
}

/// sinh (odd); Range on overflow, Dom for an infinite imaginary part.
pub fn sinh((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if x.is_infinite() && fin(y) && y != 0.0 {
            (INF.copysign(y.cos()) * x.signum(), INF.copysign(y.sin()))
        } else if x.is_infinite() {
            if y == 0.0 {
                (x, y)
            } else if y.is_nan() {
                (INF, NAN)
            } else {
                (x, NAN)
            }
        } else if x.is_nan() {
            (NAN, if y == 0.0 { y } else { NAN })
        } else if x == 0.0 {
            (0.0, NAN)
        } else {
            (NAN, NAN)
        };
        let e = if y.is_infinite() && !x.is_nan() { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    let r = if x.abs() > LOG_LARGE {
        let xm1 = x - 1f64.copysign(x);
        (y.cos() * xm1.sinh() * std::f64::consts::E, y.sin() * xm1.cosh() * std::f64::consts::E)
    } else {
        (y.cos() * x.sinh(), y.sin() * x.cosh())
    };
    let e = if r.0.is_infinite() || r.1.is_infinite() { Errno::Range } else { Errno::Ok };
    (r, e)
}

/// tanh (odd); Dom for an infinite imaginary part with a finite real part.
pub fn tanh((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if x.is_infinite() && fin(y) && y != 0.0 {
            (1f64.copysign(x), 0f64.copysign(2.0 * y.sin() * y.cos()))
        } else if x.is_infinite() {
            (1f64.copysign(x), if y.is_infinite() { 0.0 } else { 0f64.copysign(y) })
        } else if x.is_nan() {
            (NAN, if y == 0.0 { y } else { NAN })
        } else {
            (NAN, NAN)
        };
        let e = if y.is_infinite() && fin(x) { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    if x.abs() > LOG_LARGE {
        return ok((1f64.copysign(x), 4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp()));
    }
    let tx = x.tanh();
    let ty = y.tan();
    let cx = 1.0 / x.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

/// log; Dom at zero.
pub fn log((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if x.is_infinite() && y.is_infinite() {
            (INF, if x > 0.0 { FRAC_PI_4 } else { 3.0 * FRAC_PI_4 }.copysign(y))
        } else if x.is_infinite() {
            if y.is_nan() { (INF, NAN) } else { (INF, if x > 0.0 { 0.0 } else { PI }.copysign(y)) }
        } else if y.is_infinite() {
            if x.is_nan() { (INF, NAN) } else { (INF, FRAC_PI_2.copysign(y)) }
        } else {
            (NAN, NAN)
        };
        return ok(r);
    }
    let (ax, ay) = (x.abs(), y.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
        } else {
            return ((-INF, y.atan2(x)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ln1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    ok((re, y.atan2(x)))
}

/// acos; never an error.
pub fn acos((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if x.is_infinite() && y.is_infinite() {
            (if x > 0.0 { FRAC_PI_4 } else { 3.0 * FRAC_PI_4 }, -y)
        } else if x.is_infinite() {
            if y.is_nan() { (NAN, INF) } else { (if x > 0.0 { 0.0 } else { PI }, -INF.copysign(y)) }
        } else if y.is_infinite() {
            (if x.is_nan() { NAN } else { FRAC_PI_2 }, -y)
        } else if x == 0.0 {
            (FRAC_PI_2, NAN)
        } else {
            (NAN, NAN)
        };
        return ok(r);
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        let re = y.abs().atan2(x);
        let l = (x / 2.0).hypot(y / 2.0).ln() + LN_2 * 2.0;
        let im = if x < 0.0 { -l.copysign(y) } else { l.copysign(-y) };
        return ok((re, im));
    }
    let s1 = sqrt((1.0 - x, -y)).0;
    let s2 = sqrt((1.0 + x, y)).0;
    ok((2.0 * s1.0.atan2(s2.0), asinh_f(s2.0 * s1.1 - s2.1 * s1.0)))
}

/// acosh; never an error.
pub fn acosh((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if x.is_infinite() && y.is_infinite() {
            (INF, if x > 0.0 { FRAC_PI_4 } else { 3.0 * FRAC_PI_4 }.copysign(y))
        } else if x.is_infinite() {
            if y.is_nan() { (INF, NAN) } else { (INF, if x > 0.0 { 0.0 } else { PI }.copysign(y)) }
        } else if y.is_infinite() {
            (INF, if x.is_nan() { NAN } else { FRAC_PI_2.copysign(y) })
        } else {
            (NAN, NAN)
        };
        return ok(r);
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        return ok(((x / 2.0).hypot(y / 2.0).ln() + LN_2 * 2.0, y.atan2(x)));
    }
    let s1 = sqrt((x - 1.0, y)).0;
    let s2 = sqrt((x + 1.0, y)).0;
    ok((asinh_f(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0)))
}

/// asinh (odd); never an error.
pub fn asinh((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if x.is_infinite() && y.is_infinite() {
            (x, FRAC_PI_4.copysign(y))
        } else if x.is_infinite() {
            (x, if y.is_nan() { NAN } else { 0f64.copysign(y) })
        } else if y.is_infinite() {
            if x.is_nan() { (INF, NAN) } else { (INF.copysign(x), FRAC_PI_2.copysign(y)) }
        } else if y == 0.0 {
            (NAN, y)
        } else {
            (NAN, NAN)
        };
        return ok(r);
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        let l = (x / 2.0).hypot(y / 2.0).ln() + LN_2 * 2.0;
        let re = if y >= 0.0 { l.copysign(x) } else { -l.copysign(-x) };
        return ok((re, y.atan2(x.abs())));
    }
    let s1 = sqrt((1.0 + y, -x)).0;
    let s2 = sqrt((1.0 - y, x)).0;
    ok((asinh_f(s1.0 * s2.1 - s2.0 * s1.1), y.atan2(s1.0 * s2.0 - s1.1 * s2.1)))
}

/// atanh (odd); Dom at ±1.
pub fn atanh((x, y): C) -> Res {
    if !fin(x) || !fin(y) {
        let r = if x.is_infinite() || y.is_infinite() {
            if y.is_nan() {
                (0f64.copysign(x), NAN)
            } else if x.is_nan() {
                (0.0, FRAC_PI_2.copysign(y))
            } else {
                (0f64.copysign(x), FRAC_PI_2.copysign(y))
            }
        } else if x == 0.0 {
            (x, NAN)
        } else {
            (NAN, NAN)
        };
        return ok(r);
    }
    if x < 0.0 {
        let (r, e) = atanh((-x, -y));
        return ((-r.0, -r.1), e);
    }
    let ay = y.abs();
    if x > SQRT_LARGE || ay > SQRT_LARGE {
        let h = (x / 2.0).hypot(y / 2.0);
        return ok((x / 4.0 / h / h, -FRAC_PI_2.copysign(-y)));
    }
    if x == 1.0 && ay < SQRT_DBL_MIN {
        if ay == 0.0 {
            return ((INF, y), Errno::Dom);
        }
        return ok((-(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(), (2f64.atan2(-ay) / 2.0).copysign(y)));
    }
    let re = ln1p(4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)) / 4.0;
    let im = -(-2.0 * y).atan2((1.0 - x) * (1.0 + x) - ay * ay) / 2.0;
    ok((re, im))
}

/// Apply `f` to i·z and multiply the result by -i: asin, atan, sin and tan from their
/// hyperbolic counterparts.
pub fn via_i(f: fn(C) -> Res, (x, y): C) -> Res {
    let (r, e) = f((-y, x));
    ((r.1, -r.0), e)
}

/// cos(z) = cosh(i·z).
pub fn cos((x, y): C) -> Res {
    cosh((-y, x))
}

/// rect(r, phi); Dom for a nonzero r with an infinite phi.
pub fn rect(r: f64, phi: f64) -> Res {
    if !fin(r) || !fin(phi) {
        let z = if r.is_infinite() && fin(phi) && phi != 0.0 {
            if r > 0.0 { (INF.copysign(phi.cos()), INF.copysign(phi.sin())) } else { (-INF.copysign(phi.cos()), -INF.copysign(phi.sin())) }
        } else if r.is_infinite() {
            if phi == 0.0 { (r, if r > 0.0 { phi } else { -phi }) } else { (INF, NAN) }
        } else if r.is_nan() {
            (NAN, if phi == 0.0 { 0.0 } else { NAN })
        } else if r == 0.0 {
            (0.0, 0.0)
        } else {
            (NAN, NAN)
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() { Errno::Dom } else { Errno::Ok };
        return (z, e);
    }
    if phi == 0.0 {
        return ok((r, r * phi));
    }
    ok((r * phi.cos(), r * phi.sin()))
}
