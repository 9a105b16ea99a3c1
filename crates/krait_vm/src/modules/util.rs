//! Helpers shared by the boot modules: building a module from a function table, native
//! types with methods and read-only properties, and bytes-like argument access.

use crate::object::{PyRef, Slots, Value};
use crate::types::methods::MethodDef;
use crate::types::native::NativeFn;
use crate::vm::{PyResult, Vm};

/// A new module `name` holding the functions of `defs`.
pub fn new_module_with(vm: &mut Vm, name: &'static str, defs: &[MethodDef]) -> PyRef {
    let m = vm.new_module(name);
    add_functions(vm, &m, name, defs);
    m
}

/// Adds the functions `defs` to module `m` (named `name`).
pub fn add_functions(vm: &mut Vm, m: &PyRef, name: &'static str, defs: &[MethodDef]) {
    for d in defs {
        let f = vm.new_native_function(d.name, name, d.sig, d.func, Value::Null, false);
        set(vm, m, d.name, Value::Obj(f));
    }
}

/// `module.name = v` (directly in the module dict).
pub fn set(vm: &mut Vm, m: &PyRef, name: &str, v: Value) {
    if let Some(d) = vm.module_dict(m) {
        let key = Value::Obj(vm.intern(name));
        // Interned str keys never run Python code: this cannot fail.
        let _ = vm.dict_set_item(&d, key, v);
    }
}

/// A native type `module.name` with `slots` and `methods`, subclassable when `base_ok`.
pub fn native_type(vm: &mut Vm, module: &'static str, name: &'static str, base: Option<&PyRef>, slots: Slots, methods: &[MethodDef]) -> PyRef {
    let t = vm.new_builtin_type(name, base, slots, crate::object::TypeFlags::BASETYPE);
    let m = vm.new_str(module);
    vm.set_type_attr(&t, "__module__", m);
    vm.add_methods(&t, name, methods);
    t
}

/// Read-only properties `(name, getter(self))` on type `ty`.
pub fn add_getters(vm: &mut Vm, ty: &PyRef, owner: &'static str, getters: &[(&'static str, NativeFn)]) {
    for &(name, get) in getters {
        crate::types::int::add_property(vm, ty, owner, name, get);
    }
}

pub use crate::builtins::str_arg;

/// An int argument (`__index__`) that fits in i64, or OverflowError.
pub fn i64_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => {
            let b = crate::types::int::index_of(vm, v)?;
            num_traits::ToPrimitive::to_i64(&b).ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C long"))
        }
    }
}

/// The native state of `self`, or TypeError.
pub fn state_of<'a, T: 'static>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a T> {
    match v.as_obj().and_then(|o| o.native::<T>()) {
        Some(s) => Ok(s),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("descriptor requires a '{what}' object but received a '{n}'")))
        }
    }
}

/// Functions `(name, signature, func)` of module `m` that all receive `state` as their
/// first argument (per-module state for modules whose functions share it); each
/// signature names that first parameter.
pub fn add_bound(vm: &mut Vm, m: &PyRef, module: &'static str, state: &Value, defs: &[(&'static str, &'static str, NativeFn)]) {
    for &(name, sig, func) in defs {
        let f = vm.new_native_function(name, module, sig, func, state.clone(), false);
        set(vm, m, name, Value::Obj(f));
    }
}
