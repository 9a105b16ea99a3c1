//! The `cmath` module: complex versions of the math functions with CPython's special
//! values and errors, `phase`/`polar`/`rect`, the classification functions, `isclose`
//! and the constants.

mod funcs;

use crate::util::{new_module, set};
use funcs::{Errno, Res, C};
use krait_vm::object::{PyRef, Value};
use krait_vm::types::complex::complex_arg;
use krait_vm::types::float::float_arg;
use krait_vm::types::methods::{method, MethodDef};
use krait_vm::{PyResult, Vm};

/// PyComplex_AsCComplex: a complex, an object with `__complex__`, or a real number.
fn complex_of(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(c) = complex_arg(v) {
        return Ok(c);
    }
    let ty = vm.type_of(v);
    let name = vm.intern("__complex__");
    if let Some(m) = vm.lookup_type_attr(&ty, &name) {
        let r = vm.call_positional(&m, std::slice::from_ref(v))?;
        return match complex_arg(&r) {
            Some(c) => Ok(c),
            None => {
                let n = vm.type_name(&r);
                Err(vm.new_type_error(format!("__complex__ returned non-complex (type {n})")))
            }
        };
    }
    Ok((real_of(vm, v)?, 0.0))
}

/// PyFloat_AsDouble: a float, an int, or an object with `__float__` / `__index__`.
fn real_of(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_arg(v) {
        return Ok(f);
    }
    let slots = vm.type_of(v).as_type().map(|t| t.slots()).unwrap_or_default();
    let is_int = krait_vm::types::int::int_arg(v).is_some();
    if !is_int && slots.float.is_none() && slots.index.is_none() {
        let n = vm.type_name(v);
        return Err(vm.new_type_error(format!("must be real number, not {n}")));
    }
    krait_vm::types::float::float_from(vm, v)
}

/// The value of `r`, or the exception its error code stands for.
fn check(vm: &mut Vm, (c, e): Res) -> PyResult<C> {
    match e {
        Errno::Ok => Ok(c),
        Errno::Dom => Err(vm.new_value_error("math domain error")),
        Errno::Range => Err(vm.new_overflow_error("math range error")),
    }
}

fn apply(vm: &mut Vm, v: &Value, f: fn(C) -> Res) -> PyResult<Value> {
    let z = complex_of(vm, v)?;
    let r = check(vm, f(z))?;
    Ok(vm.new_complex(r))
}

macro_rules! unary {
    ($($name:literal => $f:expr),* $(,)?) => {
        &[$(method($name, "(z, /)", |vm, a| apply(vm, &a[0], $f)),)*]
    };
}

const UNARY: &[MethodDef] = unary![
    "sqrt" => funcs::sqrt,
    "exp" => funcs::exp,
    "log10" => |z| {
        let ((re, im), e) = funcs::log(z);
        ((re / std::f64::consts::LN_10, im / std::f64::consts::LN_10), e)
    },
    "cosh" => funcs::cosh,
    "sinh" => funcs::sinh,
    "tanh" => funcs::tanh,
    "acos" => funcs::acos,
    "acosh" => funcs::acosh,
    "asinh" => funcs::asinh,
    "atanh" => funcs::atanh,
    "asin" => |z| funcs::via_i(funcs::asinh, z),
    "atan" => |z| funcs::via_i(funcs::atanh, z),
    "cos" => funcs::cos,
    "sin" => |z| funcs::via_i(funcs::sinh, z),
    "tan" => |z| funcs::via_i(funcs::tanh, z),
];

const OTHER: &[MethodDef] = &[
    method("log", "(x, base=?, /)", log),
    method("phase", "(z, /)", |vm, a| {
        let (x, y) = complex_of(vm, &a[0])?;
        Ok(Value::Float(y.atan2(x)))
    }),
    method("polar", "(z, /)", |vm, a| {
        let (x, y) = complex_of(vm, &a[0])?;
        let r = abs((x, y));
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(vm.new_overflow_error("math range error"));
        }
        Ok(vm.new_tuple(vec![Value::Float(r), Value::Float(y.atan2(x))]))
    }),
    method("rect", "(r, phi, /)", |vm, a| {
        let r = real_of(vm, &a[0])?;
        let phi = real_of(vm, &a[1])?;
        let z = check(vm, funcs::rect(r, phi))?;
        Ok(vm.new_complex(z))
    }),
    method("isfinite", "(z, /)", |vm, a| {
        let (x, y) = complex_of(vm, &a[0])?;
        Ok(Value::Bool(x.is_finite() && y.is_finite()))
    }),
    method("isnan", "(z, /)", |vm, a| {
        let (x, y) = complex_of(vm, &a[0])?;
        Ok(Value::Bool(x.is_nan() || y.is_nan()))
    }),
    method("isinf", "(z, /)", |vm, a| {
        let (x, y) = complex_of(vm, &a[0])?;
        Ok(Value::Bool(x.is_infinite() || y.is_infinite()))
    }),
    method("isclose", "(a, b, *, rel_tol=1e-09, abs_tol=0.0)", isclose),
];

/// `|z|` as `_Py_c_abs` computes it (infinite parts win over NaN).
fn abs((x, y): C) -> f64 {
    if x.is_infinite() || y.is_infinite() {
        f64::INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else {
        x.hypot(y)
    }
}

/// log(x[, base]): the natural logarithm, divided by log(base) when given.
fn log(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let z = complex_of(vm, &a[0])?;
    let mut r = funcs::log(z);
    if !a[1].is_null() {
        let b = complex_of(vm, &a[1])?;
        let (lb, eb) = funcs::log(b);
        let (q, eq) = funcs::quot(r.0, lb);
        // As with C's errno: log(base) resets the error of log(x); the division only
        // reports division by zero.
        r = (q, if eq == Errno::Ok { eb } else { eq });
    }
    let c = check(vm, r)?;
    Ok(vm.new_complex(c))
}

/// cmath_isclose_impl
fn isclose(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let x = complex_of(vm, &a[0])?;
    let y = complex_of(vm, &a[1])?;
    let rel = real_of(vm, &a[2])?;
    let abs_tol = real_of(vm, &a[3])?;
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.new_value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.0.is_infinite() || x.1.is_infinite() || y.0.is_infinite() || y.1.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = abs((y.0 - x.0, y.1 - x.1));
    Ok(Value::Bool(diff <= rel * abs(y) || diff <= rel * abs(x) || diff <= abs_tol))
}

pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "cmath", UNARY);
    for f in OTHER {
        let func = vm.new_native_function(f.name, "cmath", f.sig, f.func, Value::Null, false);
        set(vm, &d, f.name, Value::Obj(func));
    }
    let inf = f64::INFINITY;
    let nan = f64::NAN;
    for (name, v) in [("pi", std::f64::consts::PI), ("e", std::f64::consts::E), ("tau", std::f64::consts::TAU), ("inf", inf), ("nan", nan)] {
        set(vm, &d, name, Value::Float(v));
    }
    let infj = vm.new_complex((0.0, inf));
    set(vm, &d, "infj", infj);
    let nanj = vm.new_complex((0.0, nan));
    set(vm, &d, "nanj", nanj);
    m
}
