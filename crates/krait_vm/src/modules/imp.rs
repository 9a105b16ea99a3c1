//! The `_imp` module (CPython's Python/import.c functions importlib's bootstrap uses):
//! builtin-module queries and creation, `source_hash`, `_fix_co_filename`, the import
//! lock, and the frozen-module queries (krait freezes nothing).
//!
//! Limitation: `_fix_co_filename` checks its arguments but cannot rename (see below).

use super::util::{add_bound, i64_arg, new_module_with, set, str_arg};
use crate::interp::code::Code;
use crate::object::{Payload, PyObject, PyRef, Value};
use crate::types::bytes;
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;
use std::rc::Rc;

// _imp_source_hash_impl: SipHash-1-3 keyed (k0 = key, k1 = 0), little-endian bytes.
fn source_hash(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let key = i64_arg(vm, &a[0])? as u64;
    let data = bytes::buffer_arg(vm, &a[1])?;
    let h = krait_bytecode::pyc::siphash13(key, 0, &data).to_le_bytes();
    Ok(bytes::new_bytes(vm, h.to_vec()))
}

// _imp_is_builtin_impl: -1 for modules that cannot be re-initialised, 1 for other
// builtin modules, 0 otherwise.
fn is_builtin(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = str_arg(vm, &a[0], "is_builtin() argument")?;
    Ok(Value::Int(match name.as_str() {
        "sys" | "builtins" => -1,
        n if super::module_maker(vm, n).is_some() => 1,
        _ => 0,
    }))
}

// _imp_create_builtin
fn create_builtin(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let name = vm.get_attr_str(&a[0], "name")?;
    let name = str_arg(vm, &name, "spec.name")?;
    match super::builtin_module(vm, &name) {
        Some(m) => Ok(Value::Obj(m)),
        None => Err(vm.new_import_error(format!("no built-in module named {name}"))),
    }
}

// _imp__fix_co_filename_impl. Limitation: krait's code objects are immutable, so a code
// object whose co_filename differs keeps it (krait's importer fixes co_filename when it
// loads a cached .pyc, with import::pyc_file::fix_co_filename).
fn fix_filename(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a[0].as_obj().and_then(|o| o.native::<Rc<Code>>()).is_none() {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("_fix_co_filename() argument 1 must be code, not {n}")));
    }
    str_arg(vm, &a[1], "_fix_co_filename() argument 2")?;
    Ok(Value::None)
}

/// The import lock's recursion count (the bound `self` of the lock functions).
fn lock_count(v: &Value) -> Option<&Cell<usize>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Counter(c)) => Some(c),
        _ => None,
    }
}

fn acquire_lock(_: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if let Some(c) = lock_count(&a[0]) {
        c.set(c.get() + 1);
    }
    Ok(Value::None)
}

fn release_lock(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    match lock_count(&a[0]) {
        Some(c) if c.get() > 0 => {
            c.set(c.get() - 1);
            Ok(Value::None)
        }
        _ => Err(vm.new_runtime_error("not holding the import lock")),
    }
}

fn lock_held(_: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(lock_count(&a[0]).is_some_and(|c| c.get() > 0)))
}

/// Build the `_imp` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "_imp", &[
        method("source_hash", "(key, source)", source_hash),
        method("is_builtin", "(name, /)", is_builtin),
        method("create_builtin", "(spec, /)", create_builtin),
        method("exec_builtin", "(mod, /)", |_, _| Ok(Value::Int(0))),
        method("is_frozen", "(name, /)", |_, _| Ok(Value::Bool(false))),
        method("is_frozen_package", "(name, /)", |_, _| Ok(Value::Bool(false))),
        method("find_frozen", "(name, /, *, withdata=False)", |_, _| Ok(Value::None)),
        method("_fix_co_filename", "(code, path, /)", fix_filename),
        method("extension_suffixes", "()", |vm, _| Ok(vm.new_list(vec![]))),
        method("_frozen_module_names", "()", |vm, _| Ok(vm.new_tuple(vec![]))),
        // krait has no frozen modules, so there is nothing to override (test.support's
        // import_helper.frozen_modules calls this).
        method("_override_frozen_modules_for_tests", "(override, /)", |vm, a| {
            crate::types::int::index_of(vm, &a[0])?;
            Ok(Value::None)
        }),
    ]);
    // The three lock functions share one counter, bound as their `self`.
    let counter = Value::Obj(PyRef::new(PyObject::new(vm.types.object.clone(), Payload::Counter(Cell::new(0)))));
    add_bound(vm, &m, "_imp", &counter, &[
        ("acquire_lock", "(lock, /)", acquire_lock),
        ("release_lock", "(lock, /)", release_lock),
        ("lock_held", "(lock, /)", lock_held),
    ]);
    let hash_mode = vm.new_str("default");
    set(vm, &m, "check_hash_based_pycs", hash_mode);
    m
}
