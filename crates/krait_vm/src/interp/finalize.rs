//! Running the finalisation queue (object::finalize) at a safe point — `__del__`,
//! weakref callbacks, closing dropped generators — and reporting their errors as
//! unraisable (CPython's `PyErr_WriteUnraisable` and `sys.unraisablehook`).
//!
//! When the queue runs: at the next call or loop back edge after the object died (the
//! eval breaker), right after `del` statements and module-level/global stores, after
//! `gc.collect()`, and before the program exits. CPython runs this work synchronously
//! when the last reference goes; code that looks between the drop and the next of
//! those points (e.g. reads a global a `__del__` set, in the same expression) sees the
//! work not yet done.

use crate::object::finalize::{pop, Work};
use crate::object::Value;
use crate::vm::{PyErr, Vm};
use std::cell::Cell;

thread_local! {
    /// Whether `run_pending` is running (it does not nest: work queued by finalisers
    /// runs after them, in order).
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    /// Set while `__main__` is cleared at exit: weakref callbacks are dropped then.
    static EXITING: Cell<bool> = const { Cell::new(false) };
}

/// Run every queued piece of work, including work queued while it runs.
pub fn run_pending(vm: &mut Vm) {
    if RUNNING.with(|r| r.replace(true)) {
        // The outer run takes the new work; until then the loop need not stop for it.
        crate::interp::breaker::clear(crate::interp::breaker::FINALIZERS);
        return;
    }
    while let Some(work) = pop() {
        match work {
            Work::Generator(orphan) => crate::types::gen_finalize::close_orphan(vm, orphan),
            Work::Del(obj) => call_del(vm, Value::Obj(obj)),
            // At exit CPython's collector finds the main module's weakrefs unreachable
            // along with their referents, and skips their callbacks.
            Work::Callback { .. } if EXITING.with(Cell::get) => {}
            Work::Callback { weakref, callback } => {
                // handle_callback: the callback gets the (now dead) weakref.
                if let Err(e) = vm.call_positional(&callback, &[Value::Obj(weakref)]) {
                    write_unraisable(vm, &e, None, &callback);
                }
            }
        }
    }
    RUNNING.with(|r| r.set(false));
}

// slot_tp_finalize: look `__del__` up on the type and call it; an error is reported
// against the method.
pub(crate) fn call_del(vm: &mut Vm, obj: Value) {
    let cls = vm.type_of(&obj);
    let name = vm.intern("__del__");
    let Some(del) = vm.lookup_type_attr(&cls, &name) else { return };
    let bound = vm.bind_descriptor(&del, &obj, &Value::Obj(cls));
    let result = bound.and_then(|f| vm.call_positional(&f, &[]));
    if let Err(e) = result {
        write_unraisable(vm, &e, None, &del);
    }
}

/// `_PyErr_WriteUnraisableMsg`: hand `err` to `sys.unraisablehook` with the object it
/// happened in (`obj`, or None) and an optional message replacing "Exception ignored
/// in"; if the hook is missing or fails, the default report goes to `sys.stderr`.
pub fn write_unraisable(vm: &mut Vm, err: &PyErr, err_msg: Option<&str>, obj: &Value) {
    let msg = err_msg.map_or(Value::None, |m| vm.new_str(m));
    let exc = Value::Obj(err.0.clone());
    let sys = Value::Obj(vm.sys.clone());
    let hook = vm.get_attr_opt_str(&sys, "unraisablehook").ok().flatten().filter(|h| !h.is_none());
    let Some(hook) = hook else {
        crate::modules::sys::unraisable::default_report(vm, &exc, &msg, obj);
        return;
    };
    let args = crate::modules::sys::unraisable::hook_args(vm, &exc, msg.clone(), obj.clone());
    if let Err(e) = args.and_then(|a| vm.call_positional(&hook, &[a])) {
        let msg = vm.new_str("Exception ignored in sys.unraisablehook");
        crate::modules::sys::unraisable::default_report(vm, &Value::Obj(e.0), &msg, &hook);
    }
}

/// At exit, after the atexit callbacks: drop the globals of `__main__` so that their
/// `__del__` methods run, as CPython's finalize_modules does. CPython's collector finds
/// the main module's objects unreachable and finalises them in allocation order; krait
/// sets the names to None in the dict's order (about the same), running the queue after
/// each, and does not call weakref callbacks then (see `run_pending`).
pub fn clear_main_module(vm: &mut Vm) {
    run_pending(vm);
    EXITING.with(|e| e.set(true));
    let key = vm.new_str("__main__");
    let modules = vm.modules.clone();
    let Ok(Some(Value::Obj(m))) = crate::types::dict_ops::get_item(vm, &modules, &key) else { return };
    let Some(d) = vm.module_dict(&m) else { return };
    let keys: Vec<Value> = d.as_dict().map(|t| t.borrow().iter().map(|(_, e)| e.key.clone()).collect()).unwrap_or_default();
    for k in keys {
        if k.as_obj().and_then(|o| o.as_str()).is_some_and(|s| s.as_str() == "__builtins__") {
            continue;
        }
        let old = crate::types::dict_ops::get_item(vm, &d, &k).ok().flatten();
        if old.is_some_and(|v| !v.is_none()) {
            let _ = crate::types::dict_ops::set_item(vm, &d, k, Value::None);
            run_pending(vm);
        }
    }
}
