//! The `_functools` module: `reduce` and `cmp_to_key` (functools.py supplies pure-Python
//! `partial` and `_lru_cache_wrapper` when this module lacks them).

use crate::util::{get_type, new_module, set, state, wrap};
use krait_vm::object::{Args, CmpOp, PyRef, Slots, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyResult, Vm};

/// Build the `_functools` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, d) = new_module(vm, "_functools", &[
        method("reduce", "(function, iterable, initial=?, /)", reduce),
        method("cmp_to_key", "(mycmp)", cmp_to_key),
    ]);
    let slots = Slots { call: Some(key_call), richcompare: Some(key_compare), ..Slots::default() };
    let t = crate::util::new_type(vm, "functools", "_functools.KeyWrapper", None, slots, 0, &[]);
    vm.set_type_attr(&t, "__hash__", Value::None);
    krait_vm::types::int::add_property(vm, &t, "KeyWrapper", "obj", |vm, a| {
        let obj = state::<KeyWrapper>(&a[0]).map(|s| s.borrow().obj.clone()).unwrap_or(Value::Null);
        if obj.is_null() {
            return Err(vm.new_attribute_error("obj"));
        }
        Ok(obj)
    });
    set(vm, &d, "KeyWrapper", Value::Obj(t));
    m
}

/// functools_reduce
fn reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let it = match vm.iter(&a[1]) {
        Ok(it) => it,
        Err(e) if vm.is_subtype(&e.0.class(), &vm.exc.type_error.clone()) => {
            return Err(vm.new_type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = a[2].clone();
    while let Some(x) = vm.next(&it)? {
        acc = if acc.is_null() { x } else { vm.call_positional(&a[0], &[acc, x])? };
    }
    if acc.is_null() {
        return Err(vm.new_type_error("reduce() of empty iterable with no initial value"));
    }
    Ok(acc)
}

/// A cmp_to_key key: the comparison function and the wrapped object (Null for the
/// callable returned by cmp_to_key itself).
struct KeyWrapper {
    cmp: Value,
    obj: Value,
}

fn cmp_to_key(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let t = get_type(vm, "_functools.KeyWrapper")?;
    Ok(wrap(vm, &t, KeyWrapper { cmp: a[0].clone(), obj: Value::Null }))
}

/// keyobject_call: K(obj)
fn key_call(vm: &mut Vm, k: &Value, args: Args<'_>) -> PyResult<Value> {
    let a = crate::util::parse(vm, "(obj)", "K", args)?;
    let cmp = state::<KeyWrapper>(k).map(|s| s.borrow().cmp.clone()).unwrap_or(Value::None);
    let t = get_type(vm, "_functools.KeyWrapper")?;
    Ok(wrap(vm, &t, KeyWrapper { cmp, obj: a[0].clone() }))
}

/// keyobject_richcompare: `cmp(a.obj, b.obj) <op> 0`.
fn key_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (state::<KeyWrapper>(a), state::<KeyWrapper>(b)) else {
        return Err(vm.new_type_error("other argument must be K instance"));
    };
    let (cmp, left) = {
        let x = x.borrow();
        (x.cmp.clone(), x.obj.clone())
    };
    let right = y.borrow().obj.clone();
    if left.is_null() || right.is_null() {
        return Err(vm.new_attribute_error("object"));
    }
    let r = vm.call_positional(&cmp, &[left, right])?;
    vm.rich_compare(&r, &Value::Int(0), op)
}
