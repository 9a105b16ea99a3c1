//! float's methods: is_integer, as_integer_ratio, hex, fromhex, conjugate, __round__,
//! __trunc__/__floor__/__ceil__, __abs__, __divmod__, __pow__, __format__, real/imag.

use super::arith::{float_divmod, round_to_digits};
use super::{float_arg, float_operand, float_pow};
use crate::types::int::arith::ldexp;
use crate::types::int::{add_property, float_to_int, index_of};
use crate::types::methods::{method, MethodDef, MethodKind};
use crate::object::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, BigUint};
use num_traits::{ToPrimitive, Zero};

fn self_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    float_arg(v).ok_or_else(|| vm.new_type_error("descriptor requires a 'float' object"))
}

fn exact(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    self_float(vm, &a[0]).map(Value::Float)
}

fn zero(_vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    Ok(Value::Float(0.0))
}

fn is_integer(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &a[0])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn abs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Float(self_float(vm, &a[0])?.abs()))
}

/// The exact ratio of a finite float: (numerator, denominator > 0, lowest terms).
pub fn float_ratio(f: f64) -> (BigInt, BigInt) {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
    if m == 0 {
        return (BigInt::zero(), BigInt::from(1));
    }
    let tz = (m.trailing_zeros() as i64).min(-e).max(0);
    m >>= tz;
    e += tz;
    let n = if f < 0.0 { -BigInt::from(m) } else { BigInt::from(m) };
    if e >= 0 {
        (n << e as u64, BigInt::from(1))
    } else {
        (n, BigInt::from(1) << (-e) as u64)
    }
}

fn as_integer_ratio(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &a[0])?;
    if f.is_nan() {
        return Err(vm.new_value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (n, d) = float_ratio(f);
    let (n, d) = (vm.new_bigint(n), vm.new_bigint(d));
    Ok(vm.new_tuple(vec![n, d]))
}

/// float.hex() (float_hex).
pub fn float_hex(f: f64) -> String {
    if !f.is_finite() {
        return krait_format::float_repr(f);
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        format!("{sign}0x1.{frac:013x}p{:+}", exp - 1023)
    }
}

fn hex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &a[0])?;
    Ok(vm.new_str(&float_hex(f)))
}

/// `m * 2**e` correctly rounded (inf when too large).
fn scaled_to_f64(m: &BigUint, e: i64) -> f64 {
    if m.is_zero() {
        return 0.0;
    }
    let bits = m.bits() as i64;
    if bits + e > 1030 {
        return f64::INFINITY;
    }
    if bits + e < -1080 {
        return 0.0;
    }
    let s = (bits - 55).max(-1076 - e);
    let q = if s <= 0 {
        (m << (-s) as u64).to_u64().unwrap_or(0)
    } else {
        let q = (m >> s as u64).to_u64().unwrap_or(0);
        let sticky = m.trailing_zeros().is_some_and(|tz| (tz as i64) < s);
        q | sticky as u64
    };
    ldexp(q as f64, (s + e) as i32)
}

/// float.fromhex(string) parsing: `None` for a malformed string, `Some(inf)` on overflow
/// of a finite literal is reported separately by the caller.
pub fn parse_hex_float(text: &str) -> Option<f64> {
    let s = text.trim_matches(char::is_whitespace);
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower = s.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Some(f64::NAN);
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let digits = format!("{int_part}{frac_part}");
    if !digits.bytes().all(|c| c.is_ascii_hexdigit()) || digits.is_empty() {
        return None;
    }
    let m = BigUint::parse_bytes(digits.as_bytes(), 16)?;
    let e = exp.saturating_sub(4 * frac_part.len() as i64);
    Some(sign * scaled_to_f64(&m, e))
}

fn fromhex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let text = crate::builtins::str_arg(vm, &a[1], "fromhex() argument 2")?;
    let f = match parse_hex_float(&text) {
        Some(f) if f.is_infinite() && !text.to_ascii_lowercase().contains("inf") => {
            return Err(vm.new_overflow_error("hexadecimal value too large to represent as a float"));
        }
        Some(f) => f,
        None => return Err(vm.new_value_error("invalid hexadecimal floating-point string")),
    };
    let cls = a[0].clone();
    match &cls {
        Value::Obj(c) if c.is(&vm.types.float) => Ok(Value::Float(f)),
        _ => vm.call_positional(&cls, &[Value::Float(f)]),
    }
}

/// float.__getformat__ (float_getformat in floatobject.c): krait only runs on IEEE little-endian hosts.
fn getformat(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let kind = crate::builtins::str_arg(vm, &a[1], "__getformat__() argument 2")?;
    if kind != "double" && kind != "float" {
        return Err(vm.new_value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    let order = if cfg!(target_endian = "little") { "IEEE, little-endian" } else { "IEEE, big-endian" };
    Ok(vm.new_str(order))
}

fn float_round(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &a[0])?;
    if a[1].is_none() {
        return float_to_int(vm, f64::round_ties_even(f));
    }
    let nd = index_of(vm, &a[1])?;
    let nd = nd.to_i64().unwrap_or(if nd.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX });
    Ok(Value::Float(round_to_digits(f, nd)))
}

fn trunc(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &a[0])?;
    float_to_int(vm, f.trunc())
}

fn floor(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &a[0])?;
    float_to_int(vm, f.floor())
}

fn ceil(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &a[0])?;
    float_to_int(vm, f.ceil())
}

fn divmod_impl(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (float_operand(vm, x)?, float_operand(vm, y)?) else {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    };
    let (q, r) = float_divmod(x, y, "float divmod()").map_err(|e| vm.num_error(e))?;
    Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]))
}

fn divmod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    divmod_impl(vm, &a[0], &a[1])
}

fn rdivmod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    divmod_impl(vm, &a[1], &a[0])
}

fn pow_impl(vm: &mut Vm, x: &Value, y: &Value, m: &Value) -> PyResult<Value> {
    if !m.is_none() {
        return Err(vm.new_type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let (Some(x), Some(y)) = (float_operand(vm, x)?, float_operand(vm, y)?) else {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    };
    float_pow(vm, x, y)
}

fn pow(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    pow_impl(vm, &a[0], &a[1], &a[2])
}

fn rpow(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    pow_impl(vm, &a[1], &a[0], &a[2])
}

fn format(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &a[0])?;
    let spec = crate::builtins::str_arg(vm, &a[1], "format() argument 2")?;
    let text = krait_format::format_float(f, &spec, "float").map_err(|e| vm.format_error(e))?;
    Ok(vm.new_str(&text))
}

fn getnewargs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let f = self_float(vm, &a[0])?;
    Ok(vm.new_tuple(vec![Value::Float(f)]))
}

const METHODS: &[MethodDef] = &[
    method("is_integer", "(self, /)", is_integer),
    method("as_integer_ratio", "(self, /)", as_integer_ratio),
    method("hex", "(self, /)", hex),
    MethodDef { name: "fromhex", sig: "(cls, string, /)", func: fromhex, kind: MethodKind::ClassMethod },
    MethodDef { name: "__getformat__", sig: "(cls, typestr, /)", func: getformat, kind: MethodKind::ClassMethod },
    method("conjugate", "(self, /)", exact),
    method("__round__", "(self, ndigits=None, /)", float_round),
    method("__trunc__", "(self, /)", trunc),
    method("__int__", "(self, /)", trunc),
    method("__floor__", "(self, /)", floor),
    method("__ceil__", "(self, /)", ceil),
    method("__float__", "(self, /)", exact),
    method("__abs__", "(self, /)", abs),
    method("__divmod__", "(self, value, /)", divmod),
    method("__rdivmod__", "(self, value, /)", rdivmod),
    method("__pow__", "(self, value, mod=None, /)", pow),
    method("__rpow__", "(self, value, mod=None, /)", rpow),
    method("__format__", "(self, format_spec, /)", format),
    method("__getnewargs__", "(self, /)", getnewargs),
];

pub(super) fn install(vm: &mut Vm) {
    let t = vm.types.float.clone();
    vm.add_methods(&t, "float", METHODS);
    add_property(vm, &t, "float", "real", exact);
    add_property(vm, &t, "float", "imag", zero);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_fromhex_as_cpython() {
        // python3: (0.1).hex(), (1.0).hex(), (-0.0).hex(), (5e-324).hex(), float.fromhex(...)
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(parse_hex_float("0x1.8p1"), Some(3.0));
        assert_eq!(parse_hex_float(" -0X.8p-1 "), Some(-0.25));
        assert_eq!(parse_hex_float("0x1p-1075"), Some(0.0));
        assert_eq!(parse_hex_float("0x1.8p-1074"), Some(1e-323));
        assert_eq!(parse_hex_float("0x1.fffffffffffff8p1023"), Some(f64::INFINITY));
        assert_eq!(parse_hex_float("x"), None);
    }

    #[test]
    fn ratio_and_rounding() {
        // python3: (0.1).as_integer_ratio(), round(2.5), round(-0.5), round(3.5)
        let (n, d) = float_ratio(0.1);
        assert_eq!((n.to_string(), d.to_string()), ("3602879701896397".into(), "36028797018963968".into()));
        assert_eq!(float_ratio(-8.0).0, BigInt::from(-8));
        assert_eq!(f64::round_ties_even(2.5), 2.0);
        assert_eq!(f64::round_ties_even(-0.5), -0.0);
        assert_eq!(f64::round_ties_even(3.5), 4.0);
    }
}
