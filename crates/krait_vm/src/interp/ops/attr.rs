//! LOAD_ATTR / LOAD_METHOD / STORE_ATTR with inline caches: for a type whose attribute
//! access is the generic one, what the class contributes to `obj.name` is remembered per
//! instruction while the type version is unchanged; only the instance dict is consulted,
//! at the entry position where the name was last found.

use crate::interp::code::{AttrCache, AttrKind, AttrSite, Code, ATTR_SITE_WAYS};
use crate::interp::frame::Frame;
use crate::object::{Payload, PyRef, TypeFlags, Value};
use crate::types::bootstrap::current_type_version;
use crate::types::dict_ops;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

/// The cache of the attribute instruction at `i`.
#[inline]
fn site(code: &Code, i: usize) -> &RefCell<AttrSite> {
    &code.attr_caches[code.caches[i + 1].get() as usize]
}

/// The valid entry for `obj`'s class, if any.
#[inline]
fn entry<'a>(s: &'a AttrSite, obj: &PyRef) -> Option<&'a AttrCache> {
    let version = current_type_version();
    obj.with_class(|c| s.entries.iter().find(|e| e.version == version && e.ty.as_ref().is_some_and(|t| t.is(c))))
}

/// Store a fresh entry in the site, replacing the older one.
fn store(code: &Code, i: usize, entry: AttrCache) {
    let mut s = site(code, i).borrow_mut();
    let k = s.next as usize % ATTR_SITE_WAYS;
    s.entries[k] = entry;
    s.next = ((k + 1) % ATTR_SITE_WAYS) as u8;
}

/// `obj.name` from the instance dict, if it has one holding the name: first at the hinted
/// entry position (a key identity check), else by hash, updating the hint.
#[inline]
fn instance_value(vm: &Vm, obj: &PyRef, name: &PyRef, pos: &Cell<u32>) -> Option<Value> {
    let d = obj.dict.borrow();
    let t = d.as_ref()?.as_dict()?.borrow();
    if let Some(e) = t.entry_if_key(pos.get() as usize, name) {
        return Some(e.value.clone());
    }
    let hash = vm.str_hash(name)?;
    let p = t.find(hash, |k| k.as_obj().is_some_and(|k| k.is(name)))?;
    pos.set(p as u32);
    Some(t.entry(p).value.clone())
}

/// Replace `obj.name` in the instance dict when the hinted entry holds the name (no new
/// key: the dict's shape is unchanged). Gives the value back otherwise.
#[inline]
fn replace_instance_value(vm: &Vm, obj: &PyRef, name: &PyRef, pos: &Cell<u32>, value: Value) -> Result<Value, Value> {
    let d = obj.dict.borrow();
    let Some(t) = d.as_ref().and_then(|d| d.as_dict()) else { return Err(value) };
    let mut t = t.borrow_mut();
    let mut p = pos.get() as usize;
    if t.entry_if_key(p, name).is_none() {
        // Not where the hint says: find the key by identity (an interned name) and
        // remember where it is for the next store.
        let Some(hash) = vm.str_hash(name) else { return Err(value) };
        let Some(found) = t.find(hash, |k| k.as_obj().is_some_and(|k| k.is(name))) else { return Err(value) };
        p = found;
        pos.set(p as u32);
    }
    Ok(t.set_value_at(p, value))
}

/// Learn how `name` resolves on `type(obj)` and store it in the entry.
fn fill(vm: &mut Vm, code: &Code, i: usize, obj: &Value, name: &PyRef) {
    let Value::Obj(o) = obj else { return };
    let ty = o.class();
    let Some(t) = ty.as_type() else { return };
    let slots = t.slots();
    // A module's own getattro looks in its dict first, like the generic one.
    let plain_module = ty.is(&vm.types.module) && slots.setattro.is_none();
    let (kind, value) = if (slots.getattro.is_some() && !plain_module) || slots.setattro.is_some() {
        (AttrKind::Generic, Value::Null)
    } else {
        match vm.lookup_type_attr(&ty, name) {
            None => (AttrKind::InstanceOnly, Value::Null),
            Some(_) if plain_module => (AttrKind::Generic, Value::Null),
            Some(v) if vm.is_plain_method(&v) => (AttrKind::Method, v),
            Some(v) if !plain_module && crate::types::slots::member_index(&v).is_some() => {
                let index = crate::types::slots::member_index(&v).unwrap_or(0);
                let version = current_type_version();
                store(code, i, AttrCache { ty: Some(ty), version, kind: AttrKind::Slot, value: Value::Null, pos: Cell::new(index as u32) });
                return;
            }
            Some(v) => {
                let vt = vm.type_of(&v);
                let s = vt.as_type().map(|t| t.slots()).unwrap_or_default();
                if s.descr_get.is_none() && s.descr_set.is_none() {
                    (AttrKind::ClassValue, v)
                } else {
                    (AttrKind::Generic, Value::Null)
                }
            }
        }
    };
    let version = current_type_version();
    store(code, i, AttrCache { ty: Some(ty), version, kind, value, pos: Cell::new(0) });
}

/// LOAD_ATTR namei: `(obj -- obj.name)`.
pub fn load_attr(vm: &mut Vm, code: &Code, i: usize, obj: &Value, name: &PyRef) -> PyResult<Value> {
    let Value::Obj(o) = obj else { return vm.get_attr(obj, name) };
    let s = site(code, i).borrow();
    let Some(e) = entry(&s, o) else {
        drop(s);
        let v = vm.get_attr(obj, name)?;
        fill(vm, code, i, obj, name);
        return Ok(v);
    };
    if e.kind == AttrKind::Slot {
        if let Some(v) = crate::types::slots::slot_value(o, e.pos.get() as usize) {
            return Ok(v);
        }
        drop(s);
        return vm.get_attr(obj, name);
    }
    if e.kind != AttrKind::Generic {
        if let Some(v) = instance_value(vm, o, name, &e.pos) {
            return Ok(v);
        }
    }
    match e.kind {
        AttrKind::ClassValue => Ok(e.value.clone()),
        AttrKind::Method => {
            let f = e.value.clone();
            drop(s);
            let owner = Value::Obj(o.class());
            vm.bind_descriptor(&f, obj, &owner)
        }
        AttrKind::InstanceOnly | AttrKind::Generic | AttrKind::Slot => {
            drop(s);
            vm.get_attr(obj, name)
        }
    }
}

/// LOAD_METHOD namei: `(obj -- method, obj)` for a plain method not shadowed by the
/// instance dict (no bound method is made), else `(obj -- NULL, obj.name)`.
pub fn load_method(vm: &mut Vm, frame: &mut Frame, code: &Code, i: usize, name: &PyRef) -> PyResult<()> {
    let obj = frame.pop();
    if let Value::Obj(o) = &obj {
        let s = site(code, i).borrow();
        match entry(&s, o) {
            Some(e) if e.kind == AttrKind::Method => {
                if o.dict.borrow().is_none() || instance_value(vm, o, name, &e.pos).is_none() {
                    frame.push(e.value.clone());
                    frame.push(obj);
                    return Ok(());
                }
            }
            Some(e) if e.kind == AttrKind::InstanceOnly => {
                // A module function, or a callable stored on the instance.
                if let Some(v) = instance_value(vm, o, name, &e.pos) {
                    frame.push(Value::Null);
                    frame.push(v);
                    return Ok(());
                }
            }
            Some(_) => {}
            None => {
                drop(s);
                fill(vm, code, i, &obj, name);
            }
        }
    }
    frame.push(obj);
    super::calls::load_method(vm, frame, name)
}

/// STORE_ATTR namei: `(value, obj -- )`; for a cached type with no data descriptor of
/// that name, straight into the instance dict.
pub fn store_attr(vm: &mut Vm, code: &Code, i: usize, obj: &Value, name: &PyRef, value: Value) -> PyResult<()> {
    let Value::Obj(o) = obj else { return vm.set_attr(obj, name, value) };
    let s = site(code, i).borrow();
    let Some(e) = entry(&s, o) else {
        drop(s);
        fill(vm, code, i, obj, name);
        return vm.set_attr(obj, name, value);
    };
    if e.kind == AttrKind::Slot {
        let index = e.pos.get() as usize;
        drop(s);
        return match crate::types::slots::set_slot_value(o, index, value) {
            Ok(()) => Ok(()),
            Err(value) => vm.set_attr(obj, name, value),
        };
    }
    if e.kind == AttrKind::Generic || matches!(o.payload, Payload::Type(_)) || o.with_class(|c| c.is(&vm.types.module)) {
        drop(s);
        return vm.set_attr(obj, name, value);
    }
    let value = match replace_instance_value(vm, o, name, &e.pos, value) {
        Ok(old) => {
            drop(s);
            drop(old);
            return Ok(());
        }
        Err(value) => value,
    };
    drop(s);
    let d = o.dict.borrow().clone();
    let d = match d {
        Some(d) => d,
        // The first attribute of an instance whose class gives it a dict.
        None if o.with_class(|c| c.as_type().is_some_and(|t| t.has_flag(TypeFlags::HAS_DICT))) => {
            let d = vm.new_dict_ref();
            *o.dict.borrow_mut() = Some(d.clone());
            d
        }
        None => return vm.set_attr(obj, name, value),
    };
    dict_ops::set_item(vm, &d, Value::Obj(name.clone()), value)
}
