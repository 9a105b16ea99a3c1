//! `mappingproxy` (CPython's mappingproxy in Objects/descrobject.c): a read-only live view
//! of a mapping; `type.__dict__` is one.

use crate::builtins::{set_vm_type, vm_type};
use crate::object::{Args, CmpOp, Payload, PyObject, PyRef, Slots, TypeFlags, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};

/// The proxied mapping.
struct MappingProxy(Value);

const KEY: &str = "mappingproxy";

/// The `mappingproxy` type (made on first use).
fn proxy_type(vm: &mut Vm) -> PyRef {
    if let Some(t) = vm_type(vm, KEY) {
        return t;
    }
    let slots = Slots {
        new: Some(mappingproxy_new),
        repr: Some(mappingproxy_repr),
        getitem: Some(|vm, p, k| {
            let m = mapping(p);
            vm.get_item(&m, k)
        }),
        contains: Some(|vm, p, k| {
            let m = mapping(p);
            vm.contains(&m, k)
        }),
        len: Some(|vm, p| {
            let m = mapping(p);
            vm.len(&m)
        }),
        iter: Some(|vm, p| {
            let m = mapping(p);
            vm.iter(&m)
        }),
        richcompare: Some(mappingproxy_richcompare),
        ..Slots::default()
    };
    let t = vm.new_builtin_type("mappingproxy", None, slots, TypeFlags::MAPPING);
    let methods = [
        method("get", "(self, key, default=None, /)", |vm, a| forward(vm, a, "get")),
        method("keys", "(self, /)", |vm, a| forward(vm, a, "keys")),
        method("values", "(self, /)", |vm, a| forward(vm, a, "values")),
        method("items", "(self, /)", |vm, a| forward(vm, a, "items")),
        method("copy", "(self, /)", |vm, a| forward(vm, a, "copy")),
        method("__reversed__", "(self, /)", |vm, a| forward(vm, a, "__reversed__")),
    ];
    vm.add_methods(&t, "mappingproxy", &methods);
    set_vm_type(vm, KEY, t.clone());
    t
}

/// A new read-only view of `mapping`.
pub fn new_proxy(vm: &mut Vm, mapping: Value) -> Value {
    let t = proxy_type(vm);
    Value::Obj(PyRef::new(PyObject::new(t, Payload::Native(Box::new(MappingProxy(mapping))))))
}

fn mapping(p: &Value) -> Value {
    p.as_obj().and_then(|o| o.native::<MappingProxy>()).map_or(Value::None, |m| m.0.clone())
}

/// `mapping.<name>(*rest)` for a method of the same name.
fn forward(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    let m = mapping(&a[0]);
    vm.call_method(&m, name, &a[1..])
}

/// mappingproxy_new: only mappings (not lists or tuples) can be proxied.
fn mappingproxy_new(vm: &mut Vm, _cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let a = crate::types::native::bind_static(vm, "(mapping)", "mappingproxy", args)?;
    let ty = vm.type_of(&a[0]);
    let is_mapping = ty.as_type().is_some_and(|t| t.slots().getitem.is_some());
    let (list, tuple) = (vm.types.list.clone(), vm.types.tuple.clone());
    if !is_mapping || vm.is_subtype(&ty, &list) || vm.is_subtype(&ty, &tuple) {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("mappingproxy() argument must be a mapping, not {n}")));
    }
    Ok(new_proxy(vm, a[0].clone()))
}

fn mappingproxy_repr(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let m = mapping(p);
    let r = vm.repr(&m)?;
    Ok(vm.new_str(&format!("mappingproxy({})", r.as_str().map(|s| s.as_str()).unwrap_or(""))))
}

fn mappingproxy_richcompare(vm: &mut Vm, p: &Value, other: &Value, op: CmpOp) -> PyResult<Value> {
    let m = mapping(p);
    vm.rich_compare(&m, other, op)
}
