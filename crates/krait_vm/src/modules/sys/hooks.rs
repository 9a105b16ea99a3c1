//! `sys.set_asyncgen_hooks` / `sys.get_asyncgen_hooks` (asyncio installs its hooks on
//! every run): an async generator calls firstiter when first iterated and, dropped
//! unfinished, hands itself to the finalizer (types/async_gen.rs, gen_finalize.rs).
//! Also `sys.set_coroutine_origin_tracking_depth` (asyncio's debug mode): new coroutines
//! record where they were created in `cr_origin`.

use crate::modules::structseq::{self, StructSeqDef};
use crate::object::Value;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

thread_local! {
    /// (firstiter, finalizer); None when unset.
    static HOOKS: RefCell<(Value, Value)> = const { RefCell::new((Value::None, Value::None)) };
    /// How many frames a new coroutine's `cr_origin` records (0: none).
    static ORIGIN_DEPTH: Cell<i32> = const { Cell::new(0) };
}

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

/// The current (firstiter, finalizer) hooks, None when unset.
pub fn current() -> (Value, Value) {
    HOOKS.with(|h| h.borrow().clone())
}

/// sys.set_coroutine_origin_tracking_depth(depth)
pub fn set_origin_depth(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = crate::types::int::index_of(vm, &a[0])?;
    let depth = i32::try_from(&n).map_err(|_| vm.new_overflow_error("Python int too large to convert to C int"))?;
    if depth < 0 {
        return Err(vm.new_value_error("depth must be >= 0"));
    }
    ORIGIN_DEPTH.with(|d| d.set(depth));
    Ok(Value::None)
}

/// sys.get_coroutine_origin_tracking_depth()
pub fn get_origin_depth(_vm: &mut Vm, _a: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(origin_depth() as i64))
}

/// The current coroutine origin tracking depth.
pub fn origin_depth() -> i32 {
    ORIGIN_DEPTH.with(|d| d.get())
}
