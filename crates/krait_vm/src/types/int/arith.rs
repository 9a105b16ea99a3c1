//! Pure integer arithmetic with CPython semantics: i64 fast paths that promote to
//! `BigInt` on overflow, floor division/modulo, correctly rounded true division, powers,
//! shifts. No VM objects: errors are [`NumError`]s the caller turns into exceptions.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An arithmetic failure: which exception to raise and CPython's message for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumError {
    ZeroDivision(&'static str),
    Overflow(&'static str),
    Value(&'static str),
    /// A result too large to allocate (CPython fails with MemoryError).
    Memory,
}

/// Results with more bits than this are refused with MemoryError instead of aborting.
pub const MAX_RESULT_BITS: u64 = 1 << 35;

pub type NumResult<T> = Result<T, NumError>;

/// An int result: small when it fits in an i64.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntVal {
    Small(i64),
    Big(BigInt),
}

impl IntVal {
    /// Normalise a big value to `Small` when it fits.
    pub fn from_big(b: BigInt) -> IntVal {
        match b.to_i64() {
            Some(i) => IntVal::Small(i),
            None => IntVal::Big(b),
        }
    }

    pub fn to_big(&self) -> BigInt {
        match self {
            IntVal::Small(i) => BigInt::from(*i),
            IntVal::Big(b) => b.clone(),
        }
    }
}

pub const ZERO_DIV_FLOOR: &str = "integer division or modulo by zero";
pub const ZERO_DIV_MOD: &str = "integer modulo by zero";
pub const ZERO_DIV_TRUE: &str = "division by zero";
pub const TRUE_DIV_OVERFLOW: &str = "integer division result too large for a float";
pub const NEGATIVE_SHIFT: &str = "negative shift count";

/// Floor division and modulo of i64s (`None` only for `i64::MIN // -1`, which the caller
/// redoes in big ints). `b` must be non-zero.
pub fn divmod_i64(a: i64, b: i64) -> Option<(i64, i64)> {
    let q = a.checked_div(b)?;
    let r = a - q * b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

/// Floor division and modulo of big ints (`b` non-zero): Python's sign rules.
pub fn divmod_big(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    a.div_mod_floor(b)
}

/// `a // b`, `a % b` and `divmod(a, b)` on small ints, promoting on overflow.
pub fn divmod_small(a: i64, b: i64, zero_msg: &'static str) -> NumResult<(IntVal, IntVal)> {
    if b == 0 {
        return Err(NumError::ZeroDivision(zero_msg));
    }
    Ok(match divmod_i64(a, b) {
        Some((q, r)) => (IntVal::Small(q), IntVal::Small(r)),
        None => (IntVal::from_big(-BigInt::from(a)), IntVal::Small(0)),
    })
}

/// `divmod(a, b)` on big ints.
pub fn divmod_bigval(a: &BigInt, b: &BigInt, zero_msg: &'static str) -> NumResult<(IntVal, IntVal)> {
    if b.is_zero() {
        return Err(NumError::ZeroDivision(zero_msg));
    }
    let (q, r) = divmod_big(a, b);
    Ok((IntVal::from_big(q), IntVal::from_big(r)))
}

/// `a / b` for ints, correctly rounded (long_true_divide).
pub fn true_divide(a: &BigInt, b: &BigInt) -> NumResult<f64> {
    if b.is_zero() {
        return Err(NumError::ZeroDivision(ZERO_DIV_TRUE));
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let signed = |x: f64| if negative { -x } else { x };
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    let (ma, mb) = (a.magnitude(), b.magnitude());
    // Both exactly representable: one IEEE division rounds correctly.
    if ma.bits() <= 53 && mb.bits() <= 53 {
        let (x, y) = (ma.to_f64().unwrap_or(0.0), mb.to_f64().unwrap_or(1.0));
        return Ok(signed(x / y));
    }
    let diff = ma.bits() as i64 - mb.bits() as i64;
    if diff > 1025 {
        return Err(NumError::Overflow(TRUE_DIV_OVERFLOW));
    }
    if diff < -1080 {
        return Ok(signed(0.0));
    }
    // Quotient scaled to 2**shift units with at least 55 significant bits (or down to
    // 2**-1076 for subnormal results), plus a sticky bit for the remainder.
    let shift = (diff - 55).max(-1076);
    let (n, d) = if shift >= 0 { (ma.clone(), mb << shift as u64) } else { (ma << (-shift) as u64, mb.clone()) };
    let (q, r) = n.div_rem(&d);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    let x = ldexp(q as f64, shift as i32);
    if x.is_infinite() {
        return Err(NumError::Overflow(TRUE_DIV_OVERFLOW));
    }
    Ok(signed(x))
}

/// `x * 2**e` with a single rounding (C's ldexp).
pub fn ldexp(x: f64, e: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (_, ex) = frexp(x);
    let target = ex as i64 + e as i64;
    if target > 1100 {
        return x.signum() * f64::INFINITY;
    }
    if target < -1100 {
        return x.signum() * 0.0;
    }
    if target >= -1021 {
        return scale_exact(x, e as i64);
    }
    // Subnormal result: scale exactly to the normal range, then round once.
    scale_exact(x, e as i64 + 1022) * f64::from_bits(1 << 52)
}

/// `x * 2**e` in steps whose intermediate results stay normal (exact unless the final
/// result leaves the normal range).
fn scale_exact(mut x: f64, mut e: i64) -> f64 {
    while e != 0 {
        let step = e.clamp(-1000, 1000);
        x *= f64::from_bits(((1023 + step) as u64) << 52);
        e -= step;
    }
    x
}

/// C's frexp: `x = m * 2**e` with `0.5 <= |m| < 1` (m = x for 0, inf, nan).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: normalise first.
        let (m, e) = frexp(x * f64::from_bits((1023 + 64) << 52));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `a ** b` for ints with `b >= 0`.
pub fn pow_nonneg(a: &BigInt, b: &BigInt) -> NumResult<IntVal> {
    if let Some(bi) = b.to_u32() {
        if a.bits().saturating_sub(1).saturating_mul(bi as u64) > MAX_RESULT_BITS {
            return Err(NumError::Memory);
        }
        if let Some(ai) = a.to_i64() {
            if let Some(r) = ai.checked_pow(bi) {
                return Ok(IntVal::Small(r));
            }
        }
        return Ok(IntVal::from_big(num_traits::pow::Pow::pow(a, bi)));
    }
    // Huge exponent: only trivial bases give a representable result.
    if a.is_zero() || a.is_one() {
        return Ok(IntVal::from_big(a.clone()));
    }
    if *a == BigInt::from(-1) {
        return Ok(IntVal::Small(if b.is_even() { 1 } else { -1 }));
    }
    Err(NumError::Memory)
}

/// `pow(a, b, m)` for ints (long_pow with a modulus), negative `b` via the inverse.
pub fn pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> NumResult<IntVal> {
    if m.is_zero() {
        return Err(NumError::Value("pow() 3rd argument cannot be 0"));
    }
    let mm = m.abs();
    let mut base = a.mod_floor(&mm);
    let mut exp = b.clone();
    if exp.is_negative() {
        base = mod_inverse(&base, &mm).ok_or(NumError::Value("base is not invertible for the given modulus"))?;
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &mm);
    // The result takes the modulus's sign (as `%` does).
    if m.is_negative() && !r.is_zero() {
        r += m;
    }
    Ok(IntVal::from_big(r))
}

/// The inverse of `a` modulo `m` (`m > 0`), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

/// `a << b` (`b` may be any int; negative raises).
pub fn lshift(a: &BigInt, b: &BigInt) -> NumResult<IntVal> {
    if b.is_negative() {
        return Err(NumError::Value(NEGATIVE_SHIFT));
    }
    if a.is_zero() {
        return Ok(IntVal::Small(0));
    }
    let n = b.to_i64().ok_or(NumError::Overflow("too many digits in integer"))? as u64;
    if n > MAX_RESULT_BITS {
        return Err(NumError::Memory);
    }
    Ok(IntVal::from_big(a << n))
}

/// `a >> b` (arithmetic: rounds toward minus infinity).
pub fn rshift(a: &BigInt, b: &BigInt) -> NumResult<IntVal> {
    if b.is_negative() {
        return Err(NumError::Value(NEGATIVE_SHIFT));
    }
    match b.to_u64() {
        Some(n) => Ok(IntVal::from_big(a >> n)),
        None => Ok(IntVal::Small(if a.is_negative() { -1 } else { 0 })),
    }
}

/// `i << n` on small ints when the result stays small.
pub fn lshift_small(i: i64, n: i64) -> Option<i64> {
    if !(0..64).contains(&n) {
        return None;
    }
    let r = i.checked_shl(n as u32)?;
    (r >> n == i).then_some(r)
}

/// Exact comparison of an int with a float: the ordering, `None` when `f` is NaN.
pub fn cmp_int_float(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = f.floor();
    // Integral part of f compared exactly, then the fraction breaks ties.
    let fi = BigInt::from_f64_exact(fl);
    Some(match i.cmp(&fi) {
        Ordering::Equal if f != fl => Ordering::Less,
        o => o,
    })
}

/// Conversion of an integral finite f64 to BigInt.
trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn floor_divmod_signs() {
        // python3 -c "print([divmod(a,b) for a,b in [(-7,2),(7,-2),(-7,-2),(7,2),(0,-3)]])"
        let cases = [((-7, 2), (-4, 1)), ((7, -2), (-4, -1)), ((-7, -2), (3, -1)), ((7, 2), (3, 1)), ((0, -3), (0, 0))];
        for ((a, b), want) in cases {
            assert_eq!(divmod_i64(a, b), Some(want), "{a} {b}");
            let (q, r) = divmod_big(&BigInt::from(a), &BigInt::from(b));
            assert_eq!((q.to_i64().unwrap(), r.to_i64().unwrap()), want);
        }
        assert_eq!(divmod_i64(i64::MIN, -1), None);
        assert_eq!(divmod_small(i64::MIN, -1, ZERO_DIV_FLOOR).unwrap().0, IntVal::Big(big("9223372036854775808")));
        assert_eq!(divmod_small(1, 0, ZERO_DIV_MOD), Err(NumError::ZeroDivision("integer modulo by zero")));
    }

    #[test]
    fn true_division_rounding() {
        // Expected reprs from CPython 3.11: python3 -c "print(repr(a/b))".
        let cases = [
            ("10", "3", 3.3333333333333335f64),
            ("0", "-1", -0.0),
            ("9007199254740993", "1", 9007199254740992.0),
            ("9007199254740995", "1", 9007199254740996.0),
            ("1", "3", 0.3333333333333333),
            ("123456789012345678901234567890", "987654321", 1.249999988734375e+20),
            ("-1", "100000000000000000000000000000000000000000000000000000000000", -1e-59),
        ];
        for (a, b, want) in cases {
            let got = true_divide(&big(a), &big(b)).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "{a}/{b}");
        }
        let tiny = true_divide(&BigInt::one(), &(BigInt::one() << 1074u32)).unwrap();
        assert_eq!(tiny, 5e-324);
        let half_tiny = true_divide(&BigInt::one(), &(BigInt::one() << 1075u32)).unwrap();
        assert_eq!(half_tiny, 0.0);
        let over_half = true_divide(&BigInt::from(3), &(BigInt::one() << 1076u32)).unwrap();
        assert_eq!(over_half, 5e-324);
        assert_eq!(true_divide(&(BigInt::one() << 1400u32), &BigInt::from(3)), Err(NumError::Overflow(TRUE_DIV_OVERFLOW)));
        assert_eq!(true_divide(&BigInt::one(), &BigInt::zero()), Err(NumError::ZeroDivision(ZERO_DIV_TRUE)));
    }

    #[test]
    fn powers() {
        // python3: pow(3, 200) % 1000, pow(2, -1, 7), pow(38, -1, 97), pow(3, 5, -7)
        assert_eq!(pow_nonneg(&big("2"), &big("10")).unwrap(), IntVal::Small(1024));
        assert_eq!(pow_nonneg(&big("-3"), &big("41")).unwrap(), IntVal::Big(big("-36472996377170786403")));
        assert_eq!(pow_mod(&big("2"), &big("-1"), &big("7")).unwrap(), IntVal::Small(4));
        assert_eq!(pow_mod(&big("38"), &big("-1"), &big("97")).unwrap(), IntVal::Small(23));
        assert_eq!(pow_mod(&big("3"), &big("5"), &big("-7")).unwrap(), IntVal::Small(-2));
        assert_eq!(pow_mod(&big("2"), &big("-1"), &big("4")), Err(NumError::Value("base is not invertible for the given modulus")));
        assert_eq!(pow_nonneg(&big("-1"), &big("100000000000000000001")).unwrap(), IntVal::Small(-1));
    }

    #[test]
    fn shifts_and_compare() {
        assert_eq!(rshift(&big("-5"), &big("1")).unwrap(), IntVal::Small(-3));
        assert_eq!(rshift(&big("-5"), &big("100000000000000000000")).unwrap(), IntVal::Small(-1));
        assert_eq!(lshift(&big("1"), &big("-1")), Err(NumError::Value(NEGATIVE_SHIFT)));
        assert_eq!(lshift_small(1, 63), None);
        // CPython: 1 << (1 << 40) and 2 ** (2 ** 40) raise MemoryError; 1 << 2**100 OverflowError.
        assert_eq!(lshift(&big("1"), &big("1099511627776")), Err(NumError::Memory));
        assert_eq!(pow_nonneg(&big("2"), &big("1099511627776")), Err(NumError::Memory));
        assert_eq!(lshift(&big("1"), &big("1267650600228229401496703205376")), Err(NumError::Overflow("too many digits in integer")));
        assert_eq!(lshift_small(-1, 63), Some(i64::MIN));
        use std::cmp::Ordering::*;
        assert_eq!(cmp_int_float(&big("9007199254740993"), 9007199254740992.0), Some(Greater));
        assert_eq!(cmp_int_float(&big("-3"), -2.5), Some(Less));
        assert_eq!(cmp_int_float(&big("-2"), -2.5), Some(Greater));
        assert_eq!(cmp_int_float(&big("5"), f64::NAN), None);
        assert_eq!(frexp(5e-324), (0.5, -1073));
        assert_eq!(ldexp(0.75, -1074), 5e-324);
    }
}
