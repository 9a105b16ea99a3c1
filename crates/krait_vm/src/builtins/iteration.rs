//! Builtin functions over iterables: iter, next, len, all, any, sorted, min, max, sum.

use super::{err_matches, sorted_list, tuple_items};
use crate::object::{BinOp, CmpOp, Payload, Value};
use crate::types::methods::{method, MethodDef};
use crate::vm::{PyResult, Vm};

pub const FUNCTIONS: &[MethodDef] = &[
    method("iter", "(object, sentinel=?, /)", iter),
    method("next", "(iterator, default=?, /)", next),
    method("len", "(obj, /)", len),
    method("all", "(iterable, /)", all),
    method("any", "(iterable, /)", any),
    method("sorted", "(*args, key=None, reverse=False)", sorted),
    method("min", "(*args, key=None, default=?)", min),
    method("max", "(*args, key=None, default=?)", max),
    method("sum", "(iterable, /, start=0)", sum),
];

/// builtin_iter: iter(iterable) or iter(callable, sentinel).
fn iter(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a[1].is_null() {
        return vm.iter(&a[0]);
    }
    if !super::introspection::is_callable(vm, &a[0]) {
        return Err(vm.new_type_error("iter(v, w): v must be callable"));
    }
    Ok(super::iter_types::new_callable_iterator(vm, a[0].clone(), a[1].clone()))
}

/// builtin_next: the next item, `default` when exhausted, else StopIteration.
fn next(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of(&a[0]);
    if ty.as_type().and_then(|t| t.slots().next).is_none() {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("'{n}' object is not an iterator")));
    }
    match vm.next_raw(&a[0]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) if !a[1].is_null() => Ok(a[1].clone()),
        Ok(None) => {
            let cls = vm.exc.stop_iteration.clone();
            Err(vm.new_exception(&cls, Vec::new()))
        }
        Err(e) if !a[1].is_null() && err_matches(vm, &e, &vm.exc.stop_iteration.clone()) => Ok(a[1].clone()),
        Err(e) => Err(e),
    }
}

/// builtin_len (PyObject_Size).
fn len(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of(&a[0]);
    match ty.as_type().and_then(|t| t.slots().len) {
        Some(f) => {
            let n = f(vm, &a[0])?;
            Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
        }
        None => {
            let n = vm.type_name(&a[0]);
            Err(vm.new_type_error(format!("object of type '{n}' has no len()")))
        }
    }
}

fn all(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let it = vm.iter(&a[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.is_true(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let it = vm.iter(&a[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.is_true(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// builtin_sorted: a new list, sorted by `list.sort`.
fn sorted(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let args = tuple_items(&a[0]);
    if args.len() != 1 {
        return Err(vm.new_type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let items = vm.collect(&args[0].clone())?;
    sorted_list(vm, items, a[1].clone(), a[2].clone())
}

fn min(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    min_max(vm, a, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    min_max(vm, a, "max", CmpOp::Gt)
}

/// CPython's `min_max`: one iterable or several arguments, optional key and default.
fn min_max(vm: &mut Vm, a: &[Value], name: &str, op: CmpOp) -> PyResult<Value> {
    let args = tuple_items(&a[0]).to_vec();
    let key = if a[1].is_none() { None } else { Some(a[1].clone()) };
    let default = &a[2];
    let items: Vec<Value> = match args.len() {
        0 => return Err(vm.new_type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&args[0])?,
        _ => {
            if !default.is_null() {
                return Err(vm.new_type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
            }
            args
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call_positional(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        best = match best {
            None => Some((k, item)),
            Some((bk, bv)) => {
                let r = vm.rich_compare(&k, &bk, op)?;
                if vm.is_true(&r)? {
                    Some((k, item))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None if !default.is_null() => Ok(default.clone()),
        None => Err(vm.new_value_error(format!("{name}() arg is an empty sequence"))),
    }
}

/// builtin_sum: ints and floats added on fast paths (floats with plain double addition,
/// as CPython 3.11), everything else with `+`.
fn sum(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let start = &a[1];
    if let Value::Obj(o) = start {
        let msg = match &o.payload {
            Payload::Str(_) => Some("sum() can't sum strings [use ''.join(seq) instead]"),
            Payload::Bytes(_) => Some("sum() can't sum bytes [use b''.join(seq) instead]"),
            Payload::ByteArray(_) => Some("sum() can't sum bytearray [use b''.join(seq) instead]"),
            _ => None,
        };
        if let Some(m) = msg {
            return Err(vm.new_type_error(m));
        }
    }
    let it = vm.iter(&a[0])?;
    let mut acc = start.clone();
    while let Some(v) = vm.next(&it)? {
        acc = match (&acc, &v) {
            (Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(&acc, &v, BinOp::Add, false)?,
            },
            (Value::Float(x), Value::Float(y)) => Value::Float(x + y),
            (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => Value::Float(x + *y as f64),
            _ => vm.binary_op(&acc, &v, BinOp::Add, false)?,
        };
    }
    Ok(acc)
}
