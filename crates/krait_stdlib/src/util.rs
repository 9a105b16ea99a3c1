//! Helpers shared by this crate's modules: building modules and native types, reaching
//! an object's native state, converting common argument kinds.

use krait_vm::builtins::{set_vm_type, vm_type};
use krait_vm::object::{Args, Payload, PyRef, Slots, Value};
use krait_vm::types::methods::MethodDef;
use krait_vm::{PyResult, Vm};
use num_traits::ToPrimitive;
use std::cell::RefCell;

/// A new module `name` holding the functions of `defs`; returns it and its dict.
pub fn new_module(vm: &mut Vm, name: &'static str, defs: &[MethodDef]) -> (PyRef, PyRef) {
    let m = vm.new_module(name);
    let d = vm.module_dict(&m).unwrap_or_else(|| vm.new_dict_ref());
    for f in defs {
        let func = vm.new_native_function(f.name, name, f.sig, f.func, Value::Null, false);
        set(vm, &d, f.name, Value::Obj(func));
    }
    (m, d)
}

/// `d[name] = v` for a str key (runs no Python code).
pub fn set(vm: &mut Vm, d: &PyRef, name: &str, v: Value) {
    let key = Value::Obj(vm.intern(name));
    // Interned str keys never run Python code: this cannot fail.
    let _ = vm.dict_set_item(d, key, v);
}

/// A new native type `module.name` with `slots` and `methods`, registered for this VM
/// under `key` (see [`get_type`]) and its slots completed from `base`.
pub fn new_type(vm: &mut Vm, module: &str, key: &'static str, base: Option<&PyRef>, slots: Slots, flags: u32, methods: &[MethodDef]) -> PyRef {
    let name = key.rsplit('.').next().unwrap_or(key);
    let t = vm.new_builtin_type(name, base, slots, flags);
    vm.add_methods(&t, key, methods);
    let m = vm.new_str(module);
    vm.set_type_attr(&t, "__module__", m);
    set_vm_type(vm, key, t.clone());
    t
}

/// The type registered under `key` by [`new_type`] (making its module first if needed).
pub fn get_type(vm: &mut Vm, key: &'static str) -> PyResult<PyRef> {
    if let Some(t) = vm_type(vm, key) {
        return Ok(t);
    }
    let module = key.split('.').next().unwrap_or(key);
    krait_vm::modules::builtin_module(vm, module);
    vm_type(vm, key).ok_or_else(|| vm.new_system_error(format!("type {key} is not available")))
}

/// A new object of type `cls` whose payload is `state`.
pub fn wrap<T: 'static>(vm: &mut Vm, cls: &PyRef, state: T) -> Value {
    vm.wrap(Payload::Native(Box::new(RefCell::new(state))), cls)
}

/// The native state of `v` if it is a `RefCell<T>`.
pub fn state<T: 'static>(v: &Value) -> Option<&RefCell<T>> {
    v.as_obj().and_then(|o| o.native::<RefCell<T>>())
}

/// The native state of `v`, or TypeError "descriptor ... requires a 'T' object".
pub fn expect<'a, T: 'static>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a RefCell<T>> {
    match state::<T>(v) {
        Some(s) => Ok(s),
        None => {
            let n = vm.type_name(v);
            Err(vm.new_type_error(format!("descriptor requires a '{what}' object but received a '{n}'")))
        }
    }
}

/// Bind `args` to signature `sig` of function `name` (for `new` slots).
pub fn parse(vm: &mut Vm, sig: &'static str, name: &str, args: Args<'_>) -> PyResult<Vec<Value>> {
    krait_vm::types::native::bind_static(vm, sig, name, args)
}

/// TypeError "`name`() takes no keyword arguments" when any were given.
pub fn no_keywords(vm: &mut Vm, name: &str, args: Args<'_>) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.new_type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// An index-like value as i64, or None when it does not fit.
pub fn index_i64(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if let Value::Int(i) = v {
        return Ok(Some(*i));
    }
    Ok(krait_vm::types::int::index_of(vm, v)?.to_i64())
}


/// The items of a tuple value (empty for anything else).
pub fn tuple_items(v: &Value) -> &[Value] {
    v.as_obj().and_then(|o| o.as_tuple()).unwrap_or(&[])
}

/// The bytes of a bytes or bytearray object.
pub fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match &v.as_obj()?.payload {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// A new bytes object.
pub fn new_bytes(vm: &mut Vm, data: &[u8]) -> Value {
    let t = vm.types.bytes.clone();
    vm.wrap(Payload::Bytes(data.into()), &t)
}

/// A new exception class `module.name` deriving from `base`, registered under `key`.
pub fn new_exception_type(vm: &mut Vm, module: &str, key: &'static str, base: &PyRef) -> PyResult<PyRef> {
    let name = key.rsplit('.').next().unwrap_or(key);
    let ns = vm.new_dict_ref();
    let m = vm.new_str(module);
    set(vm, &ns, "__module__", m);
    let n = vm.new_str(name);
    let bases = vm.new_tuple(vec![Value::Obj(base.clone())]);
    let meta = Value::Obj(vm.types.type_.clone());
    let cls = vm.call_positional(&meta, &[n, bases, Value::Obj(ns)])?;
    match cls {
        Value::Obj(t) if t.as_type().is_some() => {
            set_vm_type(vm, key, t.clone());
            Ok(t)
        }
        _ => Err(vm.new_system_error("could not create an exception class")),
    }
}

/// A timeout in seconds: None for None, else an int or float (`TypeError` with
/// `type_msg` otherwise); NaN is a ValueError, as _PyTime_FromSecondsObject says.
pub fn seconds_arg(vm: &mut Vm, v: &Value, type_msg: &str) -> PyResult<Option<f64>> {
    if v.is_none() {
        return Ok(None);
    }
    let secs = match krait_vm::types::float::float_arg(v) {
        Some(f) => f,
        None => match krait_vm::types::int::bigint_of(v) {
            Some(b) => b.to_f64().unwrap_or(f64::INFINITY),
            None => return Err(vm.new_type_error(type_msg)),
        },
    };
    if secs.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)"));
    }
    Ok(Some(secs))
}
