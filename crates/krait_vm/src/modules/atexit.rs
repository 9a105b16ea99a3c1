//! The `atexit` module (CPython's Modules/atexitmodule.c): callbacks registered with
//! `register` run last-in first-out by `_run_exitfuncs`, which the command line calls once
//! when the program ends ([`Vm::run_atexit`]).
//!
//! The callback list is the bound `self` of the module's functions; `run_atexit` finds it
//! through `sys.modules['atexit']` (a program that never imported atexit has none).

use super::util::{add_bound, new_module_with};
use crate::object::{Args, PyRef, Value};
use crate::vm::{PyResult, Vm};
use std::io::Write;

/// The callback list (a Python list of `(func, args, kwargs)` tuples; None marks an
/// unregistered slot).
fn callbacks(v: &Value) -> Option<&std::cell::RefCell<Vec<Value>>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::List(l)) => Some(l),
        _ => None,
    }
}

// atexit_register
fn register(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if !crate::builtins::introspection::is_callable(vm, &a[1]) {
        return Err(vm.new_type_error("the first argument must be callable"));
    }
    let entry = vm.new_tuple(vec![a[1].clone(), a[2].clone(), a[3].clone()]);
    if let Some(l) = callbacks(&a[0]) {
        l.borrow_mut().push(entry);
    }
    Ok(a[1].clone())
}

// atexit_unregister: every registration of a callable equal to `func` becomes an empty
// slot (CPython's `_ncallbacks` keeps counting the slots until the list is cleared).
fn unregister(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let entries = callbacks(&a[0]).map(|l| l.borrow().clone()).unwrap_or_default();
    for (i, e) in entries.iter().enumerate() {
        let Some(f) = crate::builtins::tuple_items(e).first().cloned() else { continue };
        if vm.eq(&f, &a[1])? {
            // The old entry is dropped after the list's borrow ends (it may run __del__).
            let old = callbacks(&a[0]).and_then(|l| l.borrow_mut().get_mut(i).map(|s| std::mem::replace(s, Value::None)));
            drop(old);
        }
    }
    Ok(Value::None)
}

// atexit_callfuncs: last registered first; an exception is reported and the rest still run.
fn run_exitfuncs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    loop {
        let Some(entry) = callbacks(&a[0]).and_then(|l| l.borrow_mut().pop()) else { break };
        let items = crate::builtins::tuple_items(&entry).to_vec();
        let [func, args, kwargs] = &items[..] else { continue };
        let mut positional = crate::builtins::tuple_items(args).to_vec();
        let mut kwnames = Vec::new();
        if let Some(d) = kwargs.as_obj().and_then(|o| o.as_dict()) {
            for (_, e) in d.borrow().iter() {
                kwnames.push(e.key.clone());
                positional.push(e.value.clone());
            }
        }
        if let Err(e) = vm.call(func, Args { args: &positional, kwnames: &kwnames }) {
            let _ = crate::builtins::stdio::flush_stdout();
            let what = vm.repr(func).ok().and_then(|s| s.as_str().map(|s| s.as_str().to_string())).unwrap_or_default();
            let text = crate::exceptions::format_exception(vm, &e.0);
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "Exception ignored in atexit callback: {what}\n{text}");
            let _ = stderr.flush();
        }
    }
    Ok(Value::None)
}

/// Build the `atexit` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "atexit", &[]);
    let list = vm.new_list(vec![]);
    add_bound(vm, &m, "atexit", &list, &[
        ("register", "(callbacks, func, /, *args, **kwargs)", register),
        ("unregister", "(callbacks, func, /)", unregister),
        ("_run_exitfuncs", "(callbacks, /)", run_exitfuncs),
        ("_clear", "(callbacks, /)", |_, a| {
            if let Some(l) = callbacks(&a[0]) {
                l.borrow_mut().clear();
            }
            Ok(Value::None)
        }),
        ("_ncallbacks", "(callbacks, /)", |_, a| Ok(Value::Int(callbacks(&a[0]).map_or(0, |l| l.borrow().len()) as i64))),
    ]);
    m
}

impl Vm {
    /// Run the atexit callbacks (at the end of the program, after any uncaught exception
    /// was reported): `sys.modules['atexit']._run_exitfuncs()` when atexit was imported.
    pub fn run_atexit(&mut self) {
        crate::interp::finalize::run_pending(self);
        let key = self.new_str("atexit");
        let modules = self.modules.clone();
        if let Ok(Some(m)) = crate::types::dict_ops::get_item(self, &modules, &key) {
            if let Ok(Some(f)) = self.get_attr_opt_str(&m, "_run_exitfuncs") {
                let _ = self.call_positional(&f, &[]);
            }
        }
        crate::interp::finalize::clear_main_module(self);
        let _ = crate::builtins::stdio::flush_stdout();
    }
}
