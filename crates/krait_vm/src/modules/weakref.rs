//! The `_weakref` module: `ref` (ReferenceType), `proxy`, `getweakrefcount`,
//! `getweakrefs` and `_remove_dead_weakref` (CPython's _weakref.c and weakrefobject.c).
//!
//! Callbacks: creating a weakref with a callback flags the referent's class
//! (`TypeFlags::WEAKREF_CALLBACKS`); when a flagged object dies, object::finalize asks
//! [`referent_died`] for the callbacks to queue, most recent weakref first.

use super::util::{add_getters, native_type, new_module_with, set};
use crate::object::{Args, CmpOp, Payload, PyObject, PyRef, PyWeak, Slots, TypeFlags, Value};
use crate::types::methods::method;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// The state of a weak reference object.
pub struct WeakRef {
    target: PyWeak,
    /// Cleared when the referent dies (the callback is called at most once).
    callback: RefCell<Value>,
    hash: Cell<Option<i64>>,
    is_proxy: bool,
}

thread_local! {
    /// Live weak reference objects by referent address (getweakrefs, ref reuse).
    static REFS: RefCell<HashMap<usize, Vec<PyWeak>>> = RefCell::new(HashMap::new());
}

fn state(v: &Value) -> Option<&WeakRef> {
    v.as_obj()?.native::<WeakRef>()
}

/// The weak references (objects) currently alive for `target`.
fn refs_to(target: &PyRef) -> Vec<PyRef> {
    REFS.with(|r| {
        let mut r = r.borrow_mut();
        let Some(list) = r.get_mut(&target.addr()) else { return Vec::new() };
        list.retain(|w| w.upgrade().is_some_and(|o| o.native::<WeakRef>().and_then(|s| s.target.upgrade()).is_some_and(|t| t.is(target))));
        list.iter().filter_map(PyWeak::upgrade).collect()
    })
}

/// The referent at `addr` died: forget its weak references and give those still alive
/// with a callback, most recent first (PyObject_ClearWeakRefs), as (weakref, callback).
pub(crate) fn referent_died(addr: usize) -> Vec<(PyRef, Value)> {
    let list = REFS.try_with(|r| r.try_borrow_mut().ok().and_then(|mut r| r.remove(&addr))).ok().flatten().unwrap_or_default();
    let mut out = Vec::new();
    for w in list.iter().rev() {
        let Some(r) = w.upgrade() else { continue };
        // A weakref to an earlier object at this address would still hold it allocated,
        // so a live weakref here refers to the object that died.
        let cb = r.native::<WeakRef>().filter(|s| s.target.upgrade().is_none()).map(|s| s.callback.replace(Value::None));
        if let Some(cb) = cb.filter(|c| !c.is_none()) {
            out.push((r, cb));
        }
    }
    out
}

/// A weak reference to `target` of class `cls`.
fn new_weak(vm: &mut Vm, cls: &PyRef, target: &Value, callback: Value, is_proxy: bool) -> PyResult<Value> {
    let Some(obj) = target.as_obj().filter(|o| weakrefable(vm, o)) else {
        let n = vm.type_name(target);
        return Err(vm.new_type_error(format!("cannot create weak reference to '{n}' object")));
    };
    let basic = callback.is_none() && !is_proxy;
    let exact = vm.types_weakref().is_some_and(|t| t.is(cls));
    if basic && exact {
        if let Some(existing) = refs_to(obj).into_iter().find(|r| r.class().is(cls) && state(&Value::Obj(r.clone())).is_some_and(|s| s.callback.borrow().is_none())) {
            return Ok(Value::Obj(existing));
        }
    }
    if !callback.is_none() {
        obj.with_class(|c| c.as_type().map(|t| t.flags.set(t.flags.get() | TypeFlags::WEAKREF_CALLBACKS)));
    }
    let st = WeakRef { target: obj.downgrade(), callback: RefCell::new(callback), hash: Cell::new(None), is_proxy };
    let r = PyRef::new(PyObject::new(cls.clone(), Payload::Native(Box::new(st))));
    let w = r.downgrade();
    REFS.with(|m| m.borrow_mut().entry(obj.addr()).or_default().push(w));
    Ok(Value::Obj(r))
}

/// CPython refuses weak references to instances of int, str, tuple, list, dict, ...
fn weakrefable(vm: &Vm, o: &PyRef) -> bool {
    let heap = o.with_class(|c| c.as_type().is_some_and(|t| t.has_flag(TypeFlags::HEAPTYPE)));
    let t = &vm.types;
    let plain = [&t.str, &t.tuple, &t.list, &t.dict, &t.int, &t.bytes, &t.bool, &t.float, &t.complex, &t.none_type];
    heap || !plain.iter().any(|p| o.with_class(|c| c.is(p)))
}

impl Vm {
    /// `_weakref.ref`, once the module has been imported.
    fn types_weakref(&mut self) -> Option<PyRef> {
        let m = super::builtin_module(self, "_weakref")?;
        let d = self.module_dict(&m)?;
        let key = Value::Obj(self.intern("ref"));
        crate::types::dict_ops::get_item(self, &d, &key).ok().flatten().and_then(|v| v.as_obj().cloned())
    }
}

fn ref_new(vm: &mut Vm, cls: &PyRef, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 && cls.as_type().is_some_and(|t| !t.has_flag(TypeFlags::HEAPTYPE)) {
        return Err(vm.new_type_error(format!("__new__ expected at most 2 arguments, got {}", pos.len())));
    }
    let callback = pos.get(1).cloned().unwrap_or(Value::None);
    new_weak(vm, cls, &pos[0], callback, false)
}

fn referent(v: &Value) -> Option<PyRef> {
    state(v)?.target.upgrade()
}

fn ref_call(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<Value> {
    if !args.args.is_empty() {
        return Err(vm.new_type_error(format!("weakref() takes no arguments ({} given)", args.args.len())));
    }
    Ok(referent(v).map(Value::Obj).unwrap_or(Value::None))
}

fn ref_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let addr = v.as_obj().map(|o| o.addr()).unwrap_or(0);
    let kind = if state(v).is_some_and(|s| s.is_proxy) { "weakproxy" } else { "weakref" };
    let text = match referent(v) {
        None => format!("<{kind} at {addr:#x}; dead>"),
        Some(o) => {
            let tn = o.type_name();
            let name = vm.get_attr_opt_str(&Value::Obj(o.clone()), "__name__").ok().flatten().filter(|n| n.as_obj().and_then(|x| x.as_str()).is_some());
            match name {
                Some(n) => format!("<{kind} at {addr:#x}; to '{tn}' at {:#x} ({})>", o.addr(), vm.str_of(&n)),
                None => format!("<{kind} at {addr:#x}; to '{tn}' at {:#x}>", o.addr()),
            }
        }
    };
    Ok(vm.new_str(&text))
}

fn ref_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(s) = state(v) else { return Ok(0) };
    if let Some(h) = s.hash.get() {
        return Ok(h);
    }
    let Some(o) = s.target.upgrade() else { return Err(vm.new_type_error("weak object has gone away")) };
    let h = vm.hash(&Value::Obj(o))?;
    s.hash.set(Some(h));
    Ok(h)
}

fn ref_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || state(b).is_none() {
        return Ok(Value::Obj(vm.not_implemented.clone()));
    }
    let eq = match (referent(a), referent(b)) {
        (Some(x), Some(y)) => vm.eq(&Value::Obj(x), &Value::Obj(y))?,
        _ => a.is(b),
    };
    Ok(Value::Bool(eq == matches!(op, CmpOp::Eq)))
}

/// The live referent of a proxy, or ReferenceError.
fn proxy_target(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    referent(v).map(Value::Obj).ok_or_else(|| vm.new_exception_msg(&vm.exc.reference_error.clone(), "weakly-referenced object no longer exists"))
}

fn proxy_getattro(vm: &mut Vm, v: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let t = proxy_target(vm, v)?;
    vm.get_attr_opt(&t, name)
}

fn proxy_setattro(vm: &mut Vm, v: &Value, name: &PyRef, value: Value) -> PyResult<()> {
    let t = proxy_target(vm, v)?;
    vm.set_attr(&t, name, value)
}

fn proxy_call(vm: &mut Vm, v: &Value, args: Args<'_>) -> PyResult<Value> {
    let t = proxy_target(vm, v)?;
    vm.call(&t, args)
}

fn proxy_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = proxy_target(vm, v)?;
    Ok(Value::Obj(vm.str(&t)?))
}

fn proxy_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let t = proxy_target(vm, v)?;
    vm.is_true(&t)
}

// weakref_proxy
fn proxy(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let callable = a[0].as_obj().is_some_and(|o| o.with_class(|c| c.as_type().is_some_and(|t| t.slots().call.is_some())));
    let name = if callable { "CallableProxyType" } else { "ProxyType" };
    let m = super::builtin_module(vm, "_weakref").ok_or_else(|| vm.new_system_error("_weakref missing"))?;
    let cls = vm.get_attr_str(&Value::Obj(m), name)?;
    let cls = cls.as_obj().cloned().ok_or_else(|| vm.new_system_error("bad proxy type"))?;
    new_weak(vm, &cls, &a[0], a[1].clone(), true)
}

/// The `__weakref__` attribute of instances of Python classes: the first weak
/// reference to the object, or None.
pub const INSTANCE_WEAKREF: crate::types::getset::GetSetDef = crate::types::getset::GetSetDef {
    name: "__weakref__",
    get: |_, v, _| Ok(v.as_obj().and_then(|o| refs_to(o).into_iter().next()).map_or(Value::None, Value::Obj)),
    set: None,
};

fn getweakrefcount(_vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(a[0].as_obj().map(|o| refs_to(o).len()).unwrap_or(0) as i64))
}

fn getweakrefs(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let refs = a[0].as_obj().map(refs_to).unwrap_or_default();
    Ok(vm.new_list(refs.into_iter().map(Value::Obj).collect()))
}

// _weakref__remove_dead_weakref_impl
fn remove_dead_weakref(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let Some(d) = a[0].as_obj().filter(|o| o.as_dict().is_some()).cloned() else {
        let n = vm.type_name(&a[0]);
        return Err(vm.new_type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {n}")));
    };
    if let Some(v) = crate::types::dict_ops::get_item(vm, &d, &a[1])? {
        if state(&v).is_some_and(|s| s.target.upgrade().is_none()) {
            crate::types::dict_ops::del_item(vm, &d, &a[1])?;
        }
    }
    Ok(Value::None)
}

/// Build the `_weakref` module.
pub fn make_module(vm: &mut Vm) -> PyRef {
    let m = new_module_with(vm, "_weakref", &[
        method("getweakrefcount", "(object, /)", getweakrefcount),
        method("getweakrefs", "(object, /)", getweakrefs),
        method("proxy", "(object, callback=None, /)", proxy),
        method("_remove_dead_weakref", "(dct, key, /)", remove_dead_weakref),
    ]);
    let slots = Slots {
        new: Some(ref_new),
        init: Some(|_, _, _| Ok(())),
        call: Some(ref_call),
        repr: Some(ref_repr),
        hash: Some(ref_hash),
        richcompare: Some(ref_richcompare),
        ..Slots::default()
    };
    let r = native_type(vm, "weakref", "ReferenceType", None, slots, &[]);
    add_getters(vm, &r, "weakref", &[("__callback__", |_, a| Ok(state(&a[0]).map(|s| s.callback.borrow().clone()).unwrap_or(Value::None)))]);
    let generic = vm.new_native_function("__class_getitem__", "weakref", "(cls, item, /)", |_, a| Ok(a[0].clone()), Value::Null, false);
    let cm = vm.types.classmethod.clone();
    let generic = vm.wrap(Payload::ClassMethod(Value::Obj(generic)), &cm);
    vm.set_type_attr(&r, "__class_getitem__", generic);
    for n in ["ref", "ReferenceType"] {
        set(vm, &m, n, Value::Obj(r.clone()));
    }
    for (name, callable) in [("ProxyType", false), ("CallableProxyType", true)] {
        let slots = Slots {
            getattro: Some(proxy_getattro),
            setattro: Some(proxy_setattro),
            repr: Some(ref_repr),
            str: Some(proxy_str),
            bool: Some(proxy_bool),
            call: if callable { Some(proxy_call) } else { None },
            hash: Some(|vm, _| Err(vm.new_type_error("unhashable type: 'weakproxy'"))),
            ..Slots::default()
        };
        let t = native_type(vm, "weakref", name, None, slots, &[]);
        set(vm, &m, name, Value::Obj(t));
    }
    m
}
