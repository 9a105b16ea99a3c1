//! The `math` module (CPython's mathmodule.c): constants, the float functions with
//! CPython's domain/range errors, integer functions, exact summation.

mod integer;
mod special;
mod sum;

use crate::object::{BinOp, Payload, PyObject, PyRef, Value};
use crate::types::complex::complex_arg;
use crate::types::float::float_arg;
use crate::types::int::arith::{frexp, ldexp};
use crate::types::int::{bigint_of, float_to_int, int_arg, int_to_f64, IntArg};
use crate::types::native::NativeFn;
use crate::vm::{PyErr, PyResult, Vm};
use num_traits::{Signed, ToPrimitive};
use special::SpecialResult;

fn domain_error(vm: &mut Vm) -> PyErr {
    vm.new_value_error("math domain error")
}

fn range_error(vm: &mut Vm) -> PyErr {
    vm.new_overflow_error("math range error")
}

/// PyFloat_AsDouble for math's arguments: floats, ints, `__float__`, `__index__`.
pub fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_arg(v) {
        return Ok(f);
    }
    if let Some(i) = int_arg(v) {
        return int_to_f64(vm, i);
    }
    let slots = vm.type_of(v).as_type().map(|t| t.slots()).unwrap_or_default();
    if complex_arg(v).is_none() && (slots.float.is_some() || slots.index.is_some()) {
        return crate::types::float::float_from(vm, v);
    }
    let n = vm.type_name(v);
    Err(vm.new_type_error(format!("must be real number, not {n}")))
}

/// math_1: apply `f`, mapping a NaN from a non-NaN to a domain error and an infinity from
/// a finite argument to a range error (`can_overflow`) or a domain error.
fn math_1(vm: &mut Vm, v: &Value, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = real_arg(vm, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(vm) } else { domain_error(vm) });
    }
    Ok(Value::Float(r))
}

/// Declares one-argument float functions: `name => (f, can_overflow)`.
macro_rules! unary_functions {
    ($($name:ident => ($f:expr, $ov:expr)),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
                math_1(vm, &a[0], $f, $ov)
            }
        )*
    };
}

unary_functions! {
    m_acos => (f64::acos, false),
    m_acosh => (f64::acosh, false),
    m_asin => (f64::asin, false),
    m_asinh => (f64::asinh, false),
    m_atan => (f64::atan, false),
    m_atanh => (f64::atanh, false),
    m_cbrt => (f64::cbrt, false),
    m_cos => (f64::cos, false),
    m_cosh => (f64::cosh, true),
    m_erf => (special::erf, false),
    m_erfc => (special::erfc, false),
    m_exp => (f64::exp, true),
    m_exp2 => (f64::exp2, true),
    m_expm1 => (f64::exp_m1, true),
    m_fabs => (f64::abs, false),
    m_log1p => (f64::ln_1p, false),
    m_sin => (f64::sin, false),
    m_sinh => (f64::sinh, true),
    m_sqrt => (f64::sqrt, false),
    m_tan => (f64::tan, false),
    m_tanh => (f64::tanh, false),
    m_degrees => (f64::to_degrees, true),
    m_radians => (f64::to_radians, false),
}

fn special_value(vm: &mut Vm, r: SpecialResult) -> PyResult<Value> {
    match r {
        SpecialResult::Value(v) => Ok(Value::Float(v)),
        SpecialResult::Domain => Err(domain_error(vm)),
        SpecialResult::Range => Err(range_error(vm)),
    }
}

fn m_gamma(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = real_arg(vm, &a[0])?;
    special_value(vm, special::gamma(x))
}

fn m_lgamma(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = real_arg(vm, &a[0])?;
    special_value(vm, special::lgamma(x))
}

/// ceil/floor: `__ceil__`/`__floor__` when the type defines it, else via float.
fn rounding(vm: &mut Vm, v: &Value, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    if let Some(x) = float_arg(v) {
        return float_to_int(vm, f(x));
    }
    let ty = vm.type_of(v);
    let name = vm.intern(dunder);
    if let Some(m) = vm.lookup_type_attr(&ty, &name) {
        return vm.call_positional(&m, std::slice::from_ref(v));
    }
    let x = real_arg(vm, v)?;
    float_to_int(vm, f(x))
}

fn m_ceil(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    rounding(vm, &a[0], "__ceil__", f64::ceil)
}

fn m_floor(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    rounding(vm, &a[0], "__floor__", f64::floor)
}

fn m_trunc(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if let Some(x) = float_arg(&a[0]) {
        return float_to_int(vm, x.trunc());
    }
    let ty = vm.type_of(&a[0]);
    let name = vm.intern("__trunc__");
    match vm.lookup_type_attr(&ty, &name) {
        Some(m) => vm.call_positional(&m, &a[..1]),
        None => {
            let n = vm.type_name(&a[0]);
            Err(vm.new_type_error(format!("type {n} doesn't define __trunc__ method")))
        }
    }
}

fn two(vm: &mut Vm, a: &[Value]) -> PyResult<(f64, f64)> {
    Ok((real_arg(vm, &a[0])?, real_arg(vm, &a[1])?))
}

fn m_fmod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (x, y) = two(vm, a)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(r))
}

fn m_atan2(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (y, x) = two(vm, a)?;
    Ok(Value::Float(y.atan2(x)))
}

fn m_copysign(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (x, y) = two(vm, a)?;
    Ok(Value::Float(x.copysign(y)))
}

/// math.remainder: IEEE 754 remainder (round-half-even quotient).
fn m_remainder(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (x, y) = two(vm, a)?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(vm));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    Ok(Value::Float(1.0f64.copysign(x) * r))
}

fn m_pow(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (x, y) = two(vm, a)?;
    // C99 pow: anything to the power 0 is 1, even inf and nan.
    let r = if y == 0.0 {
        1.0
    } else if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if x > 0.0 {
                if y > 0.0 { x } else { 0.0 }
            } else if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain_error(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain_error(vm) } else { range_error(vm) });
        }
        r
    };
    Ok(Value::Float(r))
}

fn m_ldexp(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = real_arg(vm, &a[0])?;
    let Some(e) = int_arg(&a[1]) else {
        return Err(vm.new_type_error("Expected an int as second argument to ldexp."));
    };
    let e = match e {
        IntArg::Small(i) => i.clamp(-100_000, 100_000) as i32,
        IntArg::Big(b) => if b.is_negative() { -100_000 } else { 100_000 },
    };
    let r = ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

fn m_frexp(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = real_arg(vm, &a[0])?;
    let (m, e) = frexp(x);
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_modf(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = real_arg(vm, &a[0])?;
    let (f, i) = if x.is_infinite() { (0.0f64.copysign(x), x) } else { (x.fract().copysign(x), x.trunc()) };
    Ok(vm.new_tuple(vec![Value::Float(f), Value::Float(i)]))
}

fn bool_fn(vm: &mut Vm, a: &[Value], f: fn(f64) -> bool) -> PyResult<Value> {
    let x = real_arg(vm, &a[0])?;
    Ok(Value::Bool(f(x)))
}

fn m_isfinite(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    bool_fn(vm, a, f64::is_finite)
}

fn m_isinf(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    bool_fn(vm, a, f64::is_infinite)
}

fn m_isnan(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    bool_fn(vm, a, f64::is_nan)
}

/// math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
fn m_isclose(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (x, y) = two(vm, a)?;
    let rel = real_arg(vm, &a[2])?;
    let abs = real_arg(vm, &a[3])?;
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.new_value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool((diff <= (rel * y).abs()) || (diff <= (rel * x).abs()) || diff <= abs))
}

/// log of `v`, exact for huge ints (loghelper): `f` maps a positive float.
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = bigint_of(v) {
        if !b.is_positive() {
            return Err(domain_error(vm));
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // x = m * 2**e with m in [0.5, 1) (_PyLong_Frexp): log(x) = log(m) + log(2)*e.
        let e = b.bits() as i64;
        let m = ldexp((&b >> (e - 60) as u64).to_f64().unwrap_or(1.0), -60);
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = real_arg(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(f(x))
}

fn m_log(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let num = log_of(vm, &a[0], f64::ln)?;
    if a[1].is_null() {
        return Ok(Value::Float(num));
    }
    let den = log_of(vm, &a[1], f64::ln)?;
    if den == 0.0 {
        return Err(vm.new_zero_division_error("float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn m_log2(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    log_of(vm, &a[0], f64::log2).map(Value::Float)
}

fn m_log10(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    log_of(vm, &a[0], f64::log10).map(Value::Float)
}

fn m_nextafter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let (x, y) = two(vm, a)?;
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if x < y {
        x.next_up()
    } else {
        x.next_down()
    };
    Ok(Value::Float(r))
}

fn m_ulp(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = real_arg(vm, &a[0])?.abs();
    let r = if !x.is_finite() {
        x
    } else if x == f64::MAX {
        x - x.next_down()
    } else {
        x.next_up() - x
    };
    Ok(Value::Float(r))
}

fn floats_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<f64>> {
    let items = vm.collect(v)?;
    items.iter().map(|it| real_arg(vm, it)).collect()
}

fn m_fsum(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let xs = floats_of(vm, &a[0])?;
    sum::fsum(xs).map(Value::Float).map_err(|e| vm.num_error(e))
}

fn m_hypot(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let xs = floats_of(vm, &a[0])?;
    Ok(Value::Float(sum::vector_norm(&xs)))
}

fn m_dist(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    for v in &a[..2] {
        if !v.as_obj().is_some_and(|o| matches!(o.payload, Payload::Tuple(_) | Payload::List(_))) {
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("dist(): argument must be tuple, not {n}")));
        }
    }
    let p = floats_of(vm, &a[0])?;
    let q = floats_of(vm, &a[1])?;
    if p.len() != q.len() {
        return Err(vm.new_value_error("both points must have the same number of dimensions"));
    }
    let diffs: Vec<f64> = p.iter().zip(&q).map(|(x, y)| (x - y).abs()).collect();
    Ok(Value::Float(sum::vector_norm(&diffs)))
}

/// math.prod(iterable, *, start=1): repeated `*`.
fn m_prod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let items = vm.collect(&a[0])?;
    let mut acc = a[1].clone();
    for it in &items {
        acc = vm.binary_op(&acc, it, BinOp::Mul, false)?;
    }
    Ok(acc)
}

const FUNCTIONS: &[(&str, &str, NativeFn)] = &[
    ("acos", "(x, /)", m_acos),
    ("acosh", "(x, /)", m_acosh),
    ("asin", "(x, /)", m_asin),
    ("asinh", "(x, /)", m_asinh),
    ("atan", "(x, /)", m_atan),
    ("atan2", "(y, x, /)", m_atan2),
    ("atanh", "(x, /)", m_atanh),
    ("cbrt", "(x, /)", m_cbrt),
    ("ceil", "(x, /)", m_ceil),
    ("comb", "(n, k, /)", integer::comb),
    ("copysign", "(x, y, /)", m_copysign),
    ("cos", "(x, /)", m_cos),
    ("cosh", "(x, /)", m_cosh),
    ("degrees", "(x, /)", m_degrees),
    ("dist", "(p, q, /)", m_dist),
    ("erf", "(x, /)", m_erf),
    ("erfc", "(x, /)", m_erfc),
    ("exp", "(x, /)", m_exp),
    ("exp2", "(x, /)", m_exp2),
    ("expm1", "(x, /)", m_expm1),
    ("fabs", "(x, /)", m_fabs),
    ("factorial", "(n, /)", integer::factorial),
    ("floor", "(x, /)", m_floor),
    ("fmod", "(x, y, /)", m_fmod),
    ("frexp", "(x, /)", m_frexp),
    ("fsum", "(seq, /)", m_fsum),
    ("gamma", "(x, /)", m_gamma),
    ("gcd", "(*integers)", integer::gcd),
    ("hypot", "(*coordinates)", m_hypot),
    ("isclose", "(a, b, *, rel_tol=1e-09, abs_tol=0.0)", m_isclose),
    ("isfinite", "(x, /)", m_isfinite),
    ("isinf", "(x, /)", m_isinf),
    ("isnan", "(x, /)", m_isnan),
    ("isqrt", "(n, /)", integer::isqrt),
    ("lcm", "(*integers)", integer::lcm),
    ("ldexp", "(x, i, /)", m_ldexp),
    ("lgamma", "(x, /)", m_lgamma),
    ("log", "(x, base=?, /)", m_log),
    ("log10", "(x, /)", m_log10),
    ("log1p", "(x, /)", m_log1p),
    ("log2", "(x, /)", m_log2),
    ("modf", "(x, /)", m_modf),
    ("nextafter", "(x, y, /)", m_nextafter),
    ("perm", "(n, k=None, /)", integer::perm),
    ("pow", "(x, y, /)", m_pow),
    ("prod", "(iterable, /, *, start=1)", m_prod),
    ("radians", "(x, /)", m_radians),
    ("remainder", "(x, y, /)", m_remainder),
    ("sin", "(x, /)", m_sin),
    ("sinh", "(x, /)", m_sinh),
    ("sqrt", "(x, /)", m_sqrt),
    ("tan", "(x, /)", m_tan),
    ("tanh", "(x, /)", m_tanh),
    ("trunc", "(x, /)", m_trunc),
    ("ulp", "(x, /)", m_ulp),
];

/// Build the `math` module object (the import system registers it as "math").
pub fn make_module(vm: &mut Vm) -> PyRef {
    let d = vm.new_dict_ref();
    let module = PyRef::new(PyObject::new(vm.types.module.clone(), Payload::Object));
    *module.dict.borrow_mut() = Some(d.clone());
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let key = Value::Obj(vm.intern(name));
        // Interned str keys run no Python code: this cannot fail.
        let _ = vm.dict_set_item(&d, key, v);
    };
    let name = vm.new_str("math");
    set(vm, "__name__", name);
    set(vm, "__doc__", Value::None);
    set(vm, "__package__", Value::None);
    for (k, v) in [("pi", std::f64::consts::PI), ("e", std::f64::consts::E), ("tau", std::f64::consts::TAU), ("inf", f64::INFINITY), ("nan", f64::NAN)] {
        set(vm, k, Value::Float(v));
    }
    for &(fname, sig, f) in FUNCTIONS {
        let func = vm.new_native_function(fname, "math", sig, f, Value::Null, false);
        set(vm, fname, Value::Obj(func));
    }
    module
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::Args;
    use crate::vm::VmOptions;

    /// Call math.<name>(*args) through the module object; `Ok(repr)` or `Err("Type: msg")`.
    fn call(vm: &mut Vm, m: &PyRef, name: &str, args: &[Value]) -> Result<String, String> {
        let f = vm.get_attr_str(&Value::Obj(m.clone()), name).map_err(|_| "no attr".to_string())?;
        match vm.call(&f, Args::positional(args)) {
            Ok(v) => {
                let mut repr = |v: &Value| vm.repr(v).map(|s| s.as_str().map(|s| s.as_str().to_string()).unwrap_or_default()).unwrap_or_default();
                Ok(match v.as_obj().and_then(|o| o.as_tuple().map(<[Value]>::to_vec)) {
                    Some(items) => format!("({})", items.iter().map(&mut repr).collect::<Vec<_>>().join(", ")),
                    None => repr(&v),
                })
            }
            Err(PyErr(e)) => {
                let msg = match &e.payload {
                    Payload::Exception(d) => {
                        let args = d.args.borrow().clone();
                        let first = args.as_obj().and_then(|t| t.as_tuple().and_then(|t| t.first().cloned()));
                        first.map(|a| vm.str(&a).map(|s| s.as_str().map(|s| s.as_str().to_string()).unwrap_or_default()).unwrap_or_default()).unwrap_or_default()
                    }
                    _ => String::new(),
                };
                Err(format!("{}: {msg}", e.type_name()))
            }
        }
    }

    #[test]
    fn through_the_module_as_cpython() {
        let mut vm = Vm::new(VmOptions::default());
        let m = make_module(&mut vm);
        let s = vm.new_str("x");
        let big = vm.new_bigint(num_bigint::BigInt::from(10).pow(1000));
        // Expected values and messages from python3 -c "import math; ..."
        let cases: Vec<(&str, Vec<Value>, Result<&str, &str>)> = vec![
            ("sqrt", vec![s], Err("TypeError: must be real number, not str")),
            ("sqrt", vec![Value::Int(-1)], Err("ValueError: math domain error")),
            ("exp", vec![Value::Int(1000)], Err("OverflowError: math range error")),
            ("log", vec![big.clone()], Ok("2302.585092994045")),
            ("log", vec![Value::Int(8), Value::Int(1)], Err("ZeroDivisionError: float division by zero")),
            ("factorial", vec![Value::Int(-1)], Err("ValueError: factorial() not defined for negative values")),
            ("factorial", vec![Value::Float(5.0)], Err("TypeError: 'float' object cannot be interpreted as an integer")),
            ("factorial", vec![Value::Int(25)], Ok("15511210043330985984000000")),
            ("comb", vec![Value::Int(10), Value::Int(3)], Ok("120")),
            ("perm", vec![Value::Int(3), Value::Int(5)], Ok("0")),
            ("gcd", vec![], Ok("0")),
            ("lcm", vec![Value::Int(4), Value::Int(6), Value::Int(0)], Ok("0")),
            ("isqrt", vec![Value::Int(-1)], Err("ValueError: isqrt() argument must be nonnegative")),
            ("ldexp", vec![Value::Float(1.0), Value::Float(1.5)], Err("TypeError: Expected an int as second argument to ldexp.")),
            ("ldexp", vec![Value::Float(1.0), Value::Int(10000)], Err("OverflowError: math range error")),
            ("pow", vec![Value::Int(0), Value::Int(-1)], Err("ValueError: math domain error")),
            ("pow", vec![Value::Int(10), Value::Int(400)], Err("OverflowError: math range error")),
            ("atanh", vec![Value::Int(1)], Err("ValueError: math domain error")),
            ("cos", vec![Value::Float(f64::INFINITY)], Err("ValueError: math domain error")),
            ("remainder", vec![Value::Int(5), Value::Int(3)], Ok("-1.0")),
            ("remainder", vec![Value::Int(1), Value::Int(0)], Err("ValueError: math domain error")),
            ("hypot", vec![Value::Int(3), Value::Int(4), Value::Int(12)], Ok("13.0")),
            ("floor", vec![Value::Float(-0.5)], Ok("-1")),
            ("ceil", vec![Value::Int(7)], Ok("7")),
            ("log2", vec![big.clone()], Ok("3321.9280948873625")),
            ("log10", vec![big], Ok("1000.0")),
            ("log", vec![Value::Bool(true)], Ok("0.0")),
            ("ulp", vec![Value::Float(1.0)], Ok("2.220446049250313e-16")),
            ("nextafter", vec![Value::Int(1), Value::Int(2)], Ok("1.0000000000000002")),
            ("modf", vec![Value::Float(-3.5)], Ok("(-0.5, -3.0)")),
            ("frexp", vec![Value::Float(0.0)], Ok("(0.0, 0)")),
            ("gamma", vec![Value::Int(5)], Ok("24.0")),
            ("gamma", vec![Value::Int(0)], Err("ValueError: math domain error")),
            ("trunc", vec![Value::Float(-2.5)], Ok("-2")),
            ("degrees", vec![Value::Float(std::f64::consts::PI)], Ok("180.0")),
        ];
        for (name, args, want) in cases {
            let got = call(&mut vm, &m, name, &args);
            assert_eq!(got.as_deref().map_err(String::as_str), want, "math.{name}");
        }
    }
}
