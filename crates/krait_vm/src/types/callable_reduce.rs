//! `__reduce__` of builtin callables, so pickle and copy handle them: builtin functions
//! and methods, method descriptors, bound methods, slot wrappers and method-wrappers
//! (CPython's meth_reduce, descr_reduce, method___reduce__, wrapperdescr/wrapper_reduce).

use crate::object::{Payload, Value};
use crate::types::methods::method;
use crate::types::slot_descriptors::{BoundWrapper, SlotWrapper};
use crate::vm::{PyResult, Vm};

/// A builtin of the `builtins` module (`getattr`, `iter`, ...).
pub fn builtin(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let b = Value::Obj(vm.builtins.clone());
    vm.get_attr_str(&b, name)
}

/// `(getattr, (obj, name))`.
fn getattr_reduce(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Value> {
    let getattr = builtin(vm, "getattr")?;
    let name = vm.new_str(name);
    let args = vm.new_tuple(vec![obj, name]);
    Ok(vm.new_tuple(vec![getattr, args]))
}

fn cannot_pickle(vm: &mut Vm, v: &Value) -> crate::vm::PyErr {
    let n = vm.type_name(v);
    vm.new_type_error(format!("cannot pickle '{n}' object"))
}

// meth_reduce (bound or module-level) and descr_reduce (a method descriptor)
fn native_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(Payload::NativeFunction(nf)) = a[0].as_obj().map(|o| &o.payload) else { return Err(cannot_pickle(vm, &a[0])) };
    let (name, self_, objclass, is_method) = (nf.name, nf.self_.clone(), nf.objclass.clone(), nf.is_method);
    if is_method && self_.is_null() {
        if objclass.is_null() {
            return Err(cannot_pickle(vm, &a[0]));
        }
        return getattr_reduce(vm, objclass, name);
    }
    let module = vm.types.module.clone();
    let in_module = self_.is_null() || vm.is_subtype(&vm.type_of(&self_), &module);
    if in_module {
        return vm.get_attr_str(&a[0], "__qualname__");
    }
    getattr_reduce(vm, self_, name)
}

// method___reduce__
fn method_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(Payload::Method { func, self_ }) = a[0].as_obj().map(|o| &o.payload) else { return Err(cannot_pickle(vm, &a[0])) };
    let (func, self_) = (func.clone(), self_.clone());
    let name = vm.get_attr_str(&func, "__name__")?;
    let name = vm.str_of(&name).to_string();
    getattr_reduce(vm, self_, &name)
}

// wrapperdescr_reduce
fn slot_wrapper_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(w) = a[0].as_obj().and_then(|o| o.native::<SlotWrapper>()) else { return Err(cannot_pickle(vm, &a[0])) };
    let (ty, name) = (w.ty.clone(), w.name);
    getattr_reduce(vm, Value::Obj(ty), name)
}

// wrapper_reduce
fn method_wrapper_reduce(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(b) = a[0].as_obj().and_then(|o| o.native::<BoundWrapper>()) else { return Err(cannot_pickle(vm, &a[0])) };
    let (self_, wrapper) = (b.self_.clone(), b.wrapper.clone());
    let name = wrapper.native::<SlotWrapper>().map_or("", |w| w.name);
    getattr_reduce(vm, self_, name)
}

/// Give the callable types their `__reduce__` (after the wrapper types exist).
pub fn init(vm: &mut Vm) {
    let nf = vm.types.native_function.clone();
    vm.add_methods(&nf, "builtin_function_or_method", &[method("__reduce__", "(self, /)", native_reduce)]);
    let md = vm.types.method_descriptor.clone();
    vm.add_methods(&md, "method_descriptor", &[method("__reduce__", "(self, /)", native_reduce)]);
    let m = vm.types.method.clone();
    vm.add_methods(&m, "method", &[method("__reduce__", "(self, /)", method_reduce)]);
    if let Some(w) = vm.wrapper_types.as_ref().map(|w| (w.descriptor.clone(), w.bound.clone())) {
        vm.add_methods(&w.0, "wrapper_descriptor", &[method("__reduce__", "(self, /)", slot_wrapper_reduce)]);
        vm.add_methods(&w.1, "method-wrapper", &[method("__reduce__", "(self, /)", method_wrapper_reduce)]);
    }
}
