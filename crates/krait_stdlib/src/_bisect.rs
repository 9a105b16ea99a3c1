//! The `_bisect` module: binary search and insertion in sorted sequences, comparing with
//! `<` only (as CPython's `_bisectmodule.c`), with the optional `key`.

use crate::util::new_module;
use krait_vm::object::{CmpOp, PyRef, Value};
use krait_vm::types::methods::method;
use krait_vm::{PyResult, Vm};

const SIG: &str = "(a, x, lo=0, hi=None, *, key=None)";

/// Build the `_bisect` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let (m, _) = new_module(vm, "_bisect", &[
        method("bisect_right", SIG, |vm, a| search(vm, a, true).map(|i| Value::Int(i as i64))),
        method("bisect_left", SIG, |vm, a| search(vm, a, false).map(|i| Value::Int(i as i64))),
        method("insort_right", SIG, |vm, a| insort(vm, a, true)),
        method("insort_left", SIG, |vm, a| insort(vm, a, false)),
    ]);
    m
}

/// internal_bisect_right / internal_bisect_left: the insertion point of `a[1]` in
/// `a[0][lo:hi]`, right of equal items when `right`.
fn search(vm: &mut Vm, a: &[Value], right: bool) -> PyResult<usize> {
    let (seq, x, key) = (&a[0], &a[1], &a[4]);
    let lo = crate::util::index_i64(vm, &a[2])?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
    if lo < 0 {
        return Err(vm.new_value_error("lo must be non-negative"));
    }
    let hi = if a[3].is_none() {
        vm.len(seq)? as i64
    } else {
        crate::util::index_i64(vm, &a[3])?.ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?
    };
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = vm.get_item(seq, &Value::Int(mid))?;
        if !key.is_none() {
            item = vm.call_positional(key, &[item])?;
        }
        let (l, r) = if right { (x, &item) } else { (&item, x) };
        let c = vm.rich_compare(l, r, CmpOp::Lt)?;
        let less = vm.is_true(&c)?;
        if less == right {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo as usize)
}

/// insort_right / insort_left: insert `x` where bisect puts it (by `key(x)` if given).
fn insort(vm: &mut Vm, a: &[Value], right: bool) -> PyResult<Value> {
    let mut args = a.to_vec();
    if !a[4].is_none() {
        args[1] = vm.call_positional(&a[4], &[a[1].clone()])?;
    }
    let i = search(vm, &args, right)?;
    let exact_list = vm.type_of(&a[0]).is(&vm.types.list);
    if let Some(l) = a[0].as_obj().and_then(|o| o.as_list()).filter(|_| exact_list) {
        let mut l = l.borrow_mut();
        let i = i.min(l.len());
        l.insert(i, a[1].clone());
    } else {
        vm.call_method(&a[0], "insert", &[Value::Int(i as i64), a[1].clone()])?;
    }
    Ok(Value::None)
}
