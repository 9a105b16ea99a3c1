//! `sys.set_asyncgen_hooks` / `sys.get_asyncgen_hooks` (asyncio installs its hooks on
//! every run). krait keeps the hooks for `get_asyncgen_hooks`; its async generators do
//! not call them yet, so event loops do not see un-exhausted async generators at shutdown.

use crate::object::GilStatic;
use crate::modules::structseq::{self, StructSeqDef};
use crate::object::Value;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// (firstiter, finalizer); None when unset. (CPython keeps them per thread; krait has
/// one pair for all threads.)
static HOOKS: GilStatic<RefCell<(Value, Value)>> = GilStatic::new(|| RefCell::new((Value::None, Value::None)));

const ASYNCGEN_HOOKS: StructSeqDef = StructSeqDef {
    name: "asyncgen_hooks",
    fields: &["firstiter", "finalizer"],
    visible: 2,
    constructible: false,
};

// sys_set_asyncgen_hooks: an omitted argument keeps its hook.
pub fn set_asyncgen_hooks(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    for (v, what) in [(&a[0], "firstiter"), (&a[1], "finalizer")] {
        if !v.is_null() && !v.is_none() && !crate::builtins::introspection::is_callable(vm, v) {
            let n = vm.type_name(v);
            return Err(vm.new_type_error(format!("callable {what} expected, got {n}")));
        }
    }
    HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        if !a[0].is_null() {
            h.0 = a[0].clone();
        }
        if !a[1].is_null() {
            h.1 = a[1].clone();
        }
    });
    Ok(Value::None)
}

pub fn get_asyncgen_hooks(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let (first, fin) = HOOKS.with(|h| h.borrow().clone());
    let t = structseq::new_type(vm, &ASYNCGEN_HOOKS);
    Ok(structseq::new_instance(vm, &t, vec![first, fin]))
}
