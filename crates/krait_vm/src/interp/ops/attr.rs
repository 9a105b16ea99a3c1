//! LOAD_ATTR / LOAD_METHOD / STORE_ATTR with inline caches: for a type whose attribute
//! access is the generic one, what the class contributes to `obj.name` is remembered per
//! instruction while the type version is unchanged; only the instance dict is consulted.

use crate::interp::code::{AttrCache, AttrKind, AttrSite, Code};
use crate::interp::frame::Frame;
use crate::object::{Payload, PyRef, Value};
use crate::types::bootstrap::current_type_version;
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};

/// The cache of the attribute instruction at `i`.
#[inline]
fn site(code: &Code, i: usize) -> &std::cell::RefCell<AttrSite> {
    &code.attr_caches[code.caches[i + 1].get() as usize]
}

/// The cached resolution for `obj`, when valid: (kind, class value).
#[inline]
fn cached(code: &Code, i: usize, obj: &PyRef) -> Option<(AttrKind, Value)> {
    let s = site(code, i).borrow();
    let version = current_type_version();
    obj.with_class(|c| {
        s.entries.iter().find(|e| e.version == version && e.ty.as_ref().is_some_and(|t| t.is(c))).map(|e| (e.kind, e.value.clone()))
    })
}

/// Store a fresh entry in the site, replacing the older one.
fn store(code: &Code, i: usize, entry: AttrCache) {
    let mut s = site(code, i).borrow_mut();
    let k = s.next as usize % 2;
    s.entries[k] = entry;
    s.next = (k as u8 + 1) % 2;
}

/// `obj.name` from the instance dict, if it has one holding the name.
#[inline]
fn instance_value(vm: &Vm, obj: &PyRef, name: &PyRef) -> Option<Value> {
    let d = obj.dict.borrow();
    let d = d.as_ref()?;
    let hash = vm.str_hash(name)?;
    dict_ops::get_str(vm, d, name, hash)
}

/// Learn how `name` resolves on `type(obj)` and store it in the entry.
fn fill(vm: &mut Vm, code: &Code, i: usize, obj: &Value, name: &PyRef) {
    let Value::Obj(o) = obj else { return };
    let ty = o.class();
    let Some(t) = ty.as_type() else { return };
    let slots = t.slots();
    let kind = if slots.getattro.is_some() || slots.setattro.is_some() {
        AttrKind::Generic
    } else {
        match vm.lookup_type_attr(&ty, name) {
            None => AttrKind::InstanceOnly,
            Some(v) if vm.is_plain_method(&v) => {
                let version = current_type_version();
                store(code, i, AttrCache { ty: Some(ty), version, kind: AttrKind::Method, value: v });
                return;
            }
            Some(v) => {
                let vt = vm.type_of(&v);
                let s = vt.as_type().map(|t| t.slots()).unwrap_or_default();
                if s.descr_get.is_none() && s.descr_set.is_none() {
                    let version = current_type_version();
                    store(code, i, AttrCache { ty: Some(ty), version, kind: AttrKind::ClassValue, value: v });
                    return;
                }
                AttrKind::Generic
            }
        }
    };
    let version = current_type_version();
    store(code, i, AttrCache { ty: Some(ty), version, kind, value: Value::Null });
}

/// LOAD_ATTR namei: `(obj -- obj.name)`.
pub fn load_attr(vm: &mut Vm, code: &Code, i: usize, obj: &Value, name: &PyRef) -> PyResult<Value> {
    if let Value::Obj(o) = obj {
        match cached(code, i, o) {
            Some((AttrKind::InstanceOnly, _)) => {
                if let Some(v) = instance_value(vm, o, name) {
                    return Ok(v);
                }
            }
            Some((AttrKind::ClassValue, v)) => return Ok(instance_value(vm, o, name).unwrap_or(v)),
            Some((AttrKind::Method, f)) => {
                if let Some(v) = instance_value(vm, o, name) {
                    return Ok(v);
                }
                let owner = Value::Obj(o.class());
                return vm.bind_descriptor(&f, obj, &owner);
            }
            Some((AttrKind::Generic, _)) => return vm.get_attr(obj, name),
            None => {
                let v = vm.get_attr(obj, name)?;
                fill(vm, code, i, obj, name);
                return Ok(v);
            }
        }
    }
    vm.get_attr(obj, name)
}

/// LOAD_METHOD namei: `(obj -- method, obj)` for a plain method not shadowed by the
/// instance dict (no bound method is made), else `(obj -- NULL, obj.name)`.
pub fn load_method(vm: &mut Vm, frame: &mut Frame, code: &Code, i: usize, name: &PyRef) -> PyResult<()> {
    let obj = frame.pop();
    if let Value::Obj(o) = &obj {
        match cached(code, i, o) {
            Some((AttrKind::Method, f)) if instance_value(vm, o, name).is_none() => {
                frame.push(f);
                frame.push(obj);
                return Ok(());
            }
            Some(_) => {}
            None => fill(vm, code, i, &obj, name),
        }
    }
    frame.push(obj);
    super::calls::load_method(vm, frame, name)
}

/// STORE_ATTR namei: `(value, obj -- )`; for a cached type with no class attribute of
/// that name, straight into the instance dict.
pub fn store_attr(vm: &mut Vm, code: &Code, i: usize, obj: &Value, name: &PyRef, value: Value) -> PyResult<()> {
    if let Value::Obj(o) = obj {
        match cached(code, i, o) {
            Some((AttrKind::InstanceOnly | AttrKind::ClassValue | AttrKind::Method, _)) => {
                let d = o.dict.borrow().clone();
                if let Some(d) = d {
                    return dict_ops::set_item(vm, &d, Value::Obj(name.clone()), value);
                }
            }
            Some(_) => {}
            None => fill(vm, code, i, obj, name),
        }
        if matches!(o.payload, Payload::Type(_)) {
            return vm.set_attr(obj, name, value);
        }
    }
    vm.set_attr(obj, name, value)
}
