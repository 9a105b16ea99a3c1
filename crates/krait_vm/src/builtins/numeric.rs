//! Numeric builtin functions: abs, divmod, pow, round, bin, oct, hex.

use crate::object::{Args, BinOp, Value};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};
use num_bigint::Sign;

pub const FUNCTIONS: &[MethodDef] = &[
    method("abs", "(x, /)", abs),
    method("divmod", "(x, y, /)", divmod),
    method("pow", "(base, exp, mod=None)", pow),
    method("round", "(number, ndigits=None)", round),
    method("bin", "(number, /)", bin),
    method("oct", "(number, /)", oct),
    method("hex", "(number, /)", hex),
];

/// PyNumber_Absolute.
fn abs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    match &a[0] {
        Value::Int(i) if *i != i64::MIN => return Ok(Value::Int(i.abs())),
        Value::Float(f) => return Ok(Value::Float(f.abs())),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ => {}
    }
    match vm.call_dunder(&a[0], "__abs__", &[])? {
        Some(r) => Ok(r),
        None => {
            let n = vm.type_name(&a[0]);
            Err(vm.new_type_error(format!("bad operand type for abs(): '{n}'")))
        }
    }
}

/// Try `type(x).name(*args)`; `None` when missing or NotImplemented.
fn try_dunder(vm: &mut Vm, x: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    match vm.call_dunder(x, name, args)? {
        Some(r) if !vm.is_not_implemented(&r) => Ok(Some(r)),
        _ => Ok(None),
    }
}

/// A binary operation dispatched through dunders with CPython's operand order: the right
/// operand's reflected method first when its type is a proper subclass of the left's.
fn binary_dunder(vm: &mut Vm, x: &Value, y: &Value, name: &str, rname: &str, extra: &[Value]) -> PyResult<Option<Value>> {
    let (tx, ty) = (vm.type_of(x), vm.type_of(y));
    let mut args = vec![y.clone()];
    args.extend_from_slice(extra);
    let mut rargs = vec![x.clone()];
    rargs.extend_from_slice(extra);
    let same = tx.is(&ty);
    if !same && vm.is_subtype(&ty, &tx) {
        if let Some(r) = try_dunder(vm, y, rname, &rargs)? {
            return Ok(Some(r));
        }
    }
    if let Some(r) = try_dunder(vm, x, name, &args)? {
        return Ok(Some(r));
    }
    if !same && !vm.is_subtype(&ty, &tx) {
        return try_dunder(vm, y, rname, &rargs);
    }
    Ok(None)
}

/// PyNumber_Divmod.
fn divmod(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (&a[0], &a[1]) {
        if *y != 0 && !(*x == i64::MIN && *y == -1) {
            // Floor division: the remainder takes the divisor's sign.
            let (mut q, mut r) = (x / y, x % y);
            if r != 0 && ((r < 0) != (*y < 0)) {
                q -= 1;
                r += y;
            }
            return Ok(vm.new_tuple(vec![Value::Int(q), Value::Int(r)]));
        }
    }
    match binary_dunder(vm, &a[0], &a[1], "__divmod__", "__rdivmod__", &[])? {
        Some(r) => Ok(r),
        None => {
            let (nx, ny) = (vm.type_name(&a[0]), vm.type_name(&a[1]));
            Err(vm.new_type_error(format!("unsupported operand type(s) for divmod(): '{nx}' and '{ny}'")))
        }
    }
}

/// pow(base, exp, mod=None): `**`, or the three-argument `__pow__`.
fn pow(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a[2].is_none() {
        return vm.binary_op(&a[0], &a[1], BinOp::Pow, false);
    }
    if let Some(r) = try_dunder(vm, &a[0], "__pow__", &a[1..3])? {
        return Ok(r);
    }
    let names: Vec<String> = a.iter().map(|v| vm.type_name(v)).collect();
    Err(vm.new_type_error(format!("unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'", names[0], names[1], names[2])))
}

/// builtin_round: `type(number).__round__(number[, ndigits])`.
fn round(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of(&a[0]);
    let key = vm.intern("__round__");
    let Some(f) = vm.lookup_type_attr(&ty, &key) else {
        let n = ty.as_type().map(|t| t.name()).unwrap_or_default();
        return Err(vm.new_type_error(format!("type {n} doesn't define __round__ method")));
    };
    let args: &[Value] = if a[1].is_none() { &[] } else { &a[1..2] };
    vm.call_unbound(&f, &a[0], &ty, Args::positional(args))
}

/// bin/oct/hex: `sign prefix digits` of the integer's `__index__`.
fn radix(vm: &mut Vm, v: &Value, base: u32, prefix: &str) -> PyResult<Value> {
    let n = crate::types::int::index_of(vm, v)?;
    let digits = n.magnitude().to_str_radix(base);
    let sign = if n.sign() == Sign::Minus { "-" } else { "" };
    Ok(vm.new_str(&format!("{sign}{prefix}{digits}")))
}

fn bin(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    radix(vm, &a[0], 2, "0b")
}

fn oct(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    radix(vm, &a[0], 8, "0o")
}

fn hex(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    radix(vm, &a[0], 16, "0x")
}
